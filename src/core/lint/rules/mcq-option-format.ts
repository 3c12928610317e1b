import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const mcqOptionFormat: Rule = {
  id: 'mcq-option-format',
  severity: 'error',
  description: 'Multiple-choice options are written `- A) text`, with distinct letters and at least two options.',
  messages: {},
  structural: true,
};
