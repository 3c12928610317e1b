import type { Rule } from '../rule.js';

/** Reported by the parser, which must see this to build the model; listed here for config and docs. */
export const mcqAnswer: Rule = {
  id: 'mcq-answer',
  severity: 'error',
  description: 'A multiple-choice answer is the letter of one of the options.',
  messages: {},
  structural: true,
};
