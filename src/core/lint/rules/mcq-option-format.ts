import { createRule } from '../create-rule.js';

/** The parser reports the facts: it must read the options to build the model. */
export const mcqOptionFormat = createRule({
  id: 'mcq-option-format',
  severity: 'error',
  description: 'Multiple-choice options are written `- A) text`, with distinct letters and at least two options.',
  messages: {
    unreadable: 'Write each option as "- A) text", with one letter per option',
    repeated: 'Option {{letter}} is listed twice; give each option its own letter',
    tooFew: 'A multiple-choice question needs at least 2 options; found {{count}}',
  },
  structural: true,
  facts: {
    'option-unreadable': (fact, context) => context.report({ messageId: 'unreadable', span: fact.span }),
    'option-repeated': (fact, context) => context.report({ messageId: 'repeated', span: fact.span, data: fact.data }),
    'options-too-few': (fact, context) => context.report({ messageId: 'tooFew', span: fact.span, data: fact.data }),
  },
});
