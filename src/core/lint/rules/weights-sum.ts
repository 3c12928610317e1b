import { createRule } from '../create-rule.js';

export const weightsSum = createRule({
  id: 'weights-sum',
  severity: 'error',
  description: 'The `(N%)` weights of core_concepts and peripheral_concepts add up to 100.',
  messages: {
    sum: 'The rubric weights add up to {{total}}% (core {{core}}% + peripheral {{bonus}}%); make them sum to 100%',
  },
  structural: true,
  check(question, context) {
    if (question.type !== 'subjective') return;
    const { core, bonus } = question;
    if (core.weight === undefined || bonus.weight === undefined) return;
    const total = core.weight + bonus.weight;
    if (Math.abs(total - 100) < 1e-9) return;
    const span = bonus.weightSpan ?? core.weightSpan;
    if (!span) return;
    context.report({ messageId: 'sum', span, data: { total, core: core.weight, bonus: bonus.weight } });
  },
});
