import { createRule } from '../create-rule.js';

/** The parser reports the facts: it reads a loose concept as best it can, and says so. */
export const conceptFormat = createRule({
  id: 'concept-format',
  severity: 'warning',
  description: 'Concepts are written `- **Name**: description`.',
  messages: {
    named: 'Write this concept as "- **{{name}}**: …", its name in bold, so that the name is told apart from the description',
    sentence: 'Write this concept as "- **Name**: description", a short name in bold and then the idea in other words; it is read as one sentence that answers must paraphrase',
  },
  facts: {
    'concept-loose': (fact, context) => {
      if (fact.data.form === 'named') context.report({ messageId: 'named', span: fact.span, data: { name: fact.data.name } });
      else context.report({ messageId: 'sentence', span: fact.span });
    },
  },
});
