import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterEnum: Rule = {
  id: 'frontmatter-enum',
  severity: 'error',
  description: '`type`, `level` and `category` take one of their allowed values.',
  messages: {},
  structural: true,
};
