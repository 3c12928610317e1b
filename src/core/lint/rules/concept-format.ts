import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const conceptFormat: Rule = {
  id: 'concept-format',
  severity: 'warning',
  description: 'Concepts are written `- **Name**: description`.',
  messages: {},
};
