import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const fileEncoding: Rule = {
  id: 'file-encoding',
  severity: 'error',
  description: 'A question file is valid UTF-8 (a byte-order mark is accepted).',
  messages: {},
  structural: true,
};
