import { createRule } from '../create-rule.js';

/** The frontmatter reader reports the facts: without the block there is no model. */
export const frontmatterMissing = createRule({
  id: 'frontmatter-missing',
  severity: 'error',
  description: 'The file opens with a `---` YAML frontmatter block.',
  messages: {
    absent: 'The file has no frontmatter; start it with a "---" line, YAML keys such as "id: …", and a closing "---" line',
  },
  structural: true,
  facts: {
    'frontmatter-absent': (fact, context) => context.report({ messageId: 'absent', span: fact.span }),
  },
});
