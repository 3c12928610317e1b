import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const fileTooLarge: Rule = {
  id: 'file-too-large',
  severity: 'error',
  description: 'A question file is at most 1 MiB.',
  messages: {},
  structural: true,
};
