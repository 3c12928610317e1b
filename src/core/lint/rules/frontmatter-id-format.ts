import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterIdFormat: Rule = {
  id: 'frontmatter-id-format',
  severity: 'error',
  description: 'The `id` uses letters, digits, `.`, `_` and `-`, starting with a letter or digit.',
  messages: {},
  structural: true,
};
