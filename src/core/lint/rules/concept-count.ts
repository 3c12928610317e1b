import { createRule } from '../create-rule.js';

export const conceptCount = createRule({
  id: 'concept-count',
  severity: 'error',
  description: 'A subjective question has at least 2 mandatory concepts, so its score can tell answers apart.',
  messages: {
    few: 'The rubric has {{count}} mandatory concept(s); write at least {{min}} under mandatory_concepts so the score can tell a partial answer from a full one',
  },
  defaultOptions: { min: 2 },
  check(question, context) {
    if (question.type !== 'subjective') return;
    const { min } = context.options;
    const count = question.core.concepts.length;
    if (count >= min) return;
    const heading = question.sections.find((s) => s.key === 'mandatory_concepts') ?? question.sections.find((s) => s.key === 'core_concepts');
    if (!heading) return;
    context.report({ messageId: 'few', span: heading.span, data: { count, min } });
  },
});
