import { createRule } from '../create-rule.js';
import { followUpHint, gradedLines, revealedLine } from '../../model/follow-up-hint.js';

/** The tiers whose hint a candidate is shown in practice (the depth probe shows none). */
const SHOWN = { partial: 'guided probe', weak: 'foundation check' } as const;

export const followUpHintGraded = createRule({
  id: 'follow-up-hint-graded',
  severity: 'warning',
  description: 'The hint shown with a guided probe or foundation check is not, word for word, what the follow-up answer is graded against.',
  messages: {
    revealed: 'The {{tier}}\'s hint "{{hint}}" is, word for word, the graded item "{{item}}": a candidate who copies the hint earns it; add a "Looking for" line with what a good answer says, or reword the hint (practice hides such a hint)',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    for (const tier of ['partial', 'weak'] as const) {
      const followUp = question.followUps[tier];
      const hint = followUp ? followUpHint(followUp) : undefined;
      if (!followUp || !hint) continue;
      const item = revealedLine(hint.value, gradedLines(followUp));
      if (item !== undefined) context.report({ messageId: 'revealed', span: hint.span, data: { tier: SHOWN[tier], hint: hint.value, item } });
    }
  },
});
