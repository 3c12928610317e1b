import { createRule } from '../create-rule.js';

/** The frontmatter reader reports the facts: an unclosed block is not read as YAML. */
export const frontmatterUnclosed = createRule({
  id: 'frontmatter-unclosed',
  severity: 'error',
  description: 'The frontmatter block is closed by a `---` line.',
  messages: {
    unclosed: 'The frontmatter is never closed; add a "---" line after the last YAML key',
  },
  structural: true,
  facts: {
    'frontmatter-unclosed': (fact, context) => context.report({ messageId: 'unclosed', span: fact.span }),
  },
});
