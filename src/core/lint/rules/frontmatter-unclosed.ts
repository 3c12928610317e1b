import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterUnclosed: Rule = {
  id: 'frontmatter-unclosed',
  severity: 'error',
  description: 'The frontmatter block is closed by a `---` line.',
  messages: {},
  structural: true,
};
