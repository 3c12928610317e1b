import { createRule } from '../create-rule.js';

/** The parser reports the facts: it must read the answer to build the model. */
export const mcqAnswer = createRule({
  id: 'mcq-answer',
  severity: 'error',
  description: 'A multiple-choice answer is the letter of one of the options.',
  messages: {
    noLetter: 'The answer must start with the letter of the right option, such as "B"',
    notAnOption: 'The answer "{{letter}}" is not one of the options ({{options}}); use one of their letters',
  },
  structural: true,
  facts: {
    'answer-without-letter': (fact, context) => context.report({ messageId: 'noLetter', span: fact.span }),
    'answer-not-an-option': (fact, context) => {
      context.report({ messageId: 'notAnOption', span: fact.span, data: { letter: fact.data.letter, options: fact.data.options.join(', ') } });
    },
  },
});
