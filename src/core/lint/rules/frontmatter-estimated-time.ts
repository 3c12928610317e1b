import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const frontmatterEstimatedTime: Rule = {
  id: 'frontmatter-estimated-time',
  severity: 'error',
  description: '`estimated_time` is a time budget such as `8-10 minutes` or `5 minutes`.',
  messages: {},
  structural: true,
};
