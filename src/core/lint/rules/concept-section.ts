import { createRule } from '../create-rule.js';

/** The parser reports the facts: it reads such concepts into the model, and says where from. */
export const conceptSection = createRule({
  id: 'concept-section',
  severity: 'warning',
  description: 'Concept bullets sit under their `### mandatory_concepts` or `### bonus_concepts` heading, not straight under `core_concepts` or `peripheral_concepts`.',
  messages: {
    withoutHeading: 'Concepts directly under "{{container}}" are read as {{kind}} concepts; put them under a "### {{heading}}" heading',
  },
  facts: {
    'concepts-without-heading': (fact, context) => {
      const kind = fact.data.heading === 'mandatory_concepts' ? 'mandatory' : 'bonus';
      context.report({ messageId: 'withoutHeading', span: fact.span, data: { ...fact.data, kind } });
    },
  },
});
