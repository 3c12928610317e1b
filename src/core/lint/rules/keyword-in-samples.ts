import { createRule } from '../create-rule.js';
import { isPlaceholder } from '../placeholder.js';

export const keywordInSamples = createRule({
  id: 'keyword-in-samples',
  severity: 'warning',
  description: 'Every expected keyword appears in at least one sample answer, as the scorer reads them.',
  needsScoring: true,
  messages: {
    absent: 'The scorer finds expected keyword "{{keyword}}" in neither sample answer; use it in sample_excellent (qbank score --explain shows what the scorer reads), or drop it if a good answer does not need it',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    const scores = context.sampleScores();
    if (!scores || (!scores.excellent && !scores.acceptable)) return;
    // The scorer lists keyword results in rubric order, expected keywords first.
    const keywords = question.core.keywords.flatMap((group) => group.keywords);
    keywords.forEach((keyword, index) => {
      if (isPlaceholder(keyword.text)) return;
      const hit = (result: typeof scores.excellent) => result?.keywordResults[index]?.hit === true;
      if (hit(scores.excellent) || hit(scores.acceptable)) return;
      context.report({ messageId: 'absent', span: keyword.span, data: { keyword: keyword.text } });
    });
  },
});
