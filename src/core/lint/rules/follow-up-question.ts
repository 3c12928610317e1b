import { createRule } from '../create-rule.js';
import { FOLLOW_UP_TIERS } from '../../model/elements.js';

export const followUpQuestion = createRule({
  id: 'follow-up-question',
  severity: 'error',
  description: 'Every follow-up has a `**Question**: "…"` line to ask.',
  messages: {
    missing: 'Follow-up "{{key}}" has no question to ask; add a line **Question**: "…" under its heading',
    empty: 'The question of follow-up "{{key}}" is empty; write the question to ask',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    for (const tier of FOLLOW_UP_TIERS) {
      const followUp = question.followUps[tier];
      if (!followUp) continue;
      const key = `follow_up_${tier}`;
      if (!followUp.question) context.report({ messageId: 'missing', span: followUp.span, data: { key } });
      else if (followUp.question.text.trim() === '') context.report({ messageId: 'empty', span: followUp.question.span, data: { key } });
    }
  },
});
