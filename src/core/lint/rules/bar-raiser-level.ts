import { createRule } from '../create-rule.js';
import { levelNumber } from '../../model/level.js';

export const barRaiserLevel = createRule({
  id: 'bar-raiser-level',
  severity: 'error',
  description: 'The bar-raiser heading steps up from the question\'s own level (`L4→L5` on an L4 question).',
  messages: {
    from: 'The bar-raiser step starts at {{from}} but the question is {{level}}; write "{{level}}→{{next}}" in the heading, or fix "level" in the frontmatter',
    down: 'The bar-raiser step {{from}}→{{to}} does not go up; a bar raiser asks for the next level, "{{from}}→{{next}}"',
    missing: 'The bar-raiser heading names no level step; write it as "bar_raiser_question - {{level}}→{{next}} Challenge"',
  },
  check(question, context) {
    if (question.type !== 'subjective' || !question.barRaiser) return;
    const { level } = question.frontmatter;
    if (!level) return;
    const next = levelNumber(level) < 8 ? `L${levelNumber(level) + 1}` : 'L8';
    const { step } = question.barRaiser;
    if (!step) {
      context.report({ messageId: 'missing', span: question.barRaiser.span, data: { level, next } });
      return;
    }
    if (step.from !== level) {
      context.report({ messageId: 'from', span: step.span, data: { from: step.from, level, next } });
    } else if (levelNumber(step.to) <= levelNumber(step.from) && step.from !== 'L8') {
      context.report({ messageId: 'down', span: step.span, data: { from: step.from, to: step.to, next } });
    }
  },
});
