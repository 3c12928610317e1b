import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterType: Rule = {
  id: 'frontmatter-type',
  severity: 'error',
  description: 'Frontmatter values have the right type (text, list, mapping).',
  messages: {},
  structural: true,
};
