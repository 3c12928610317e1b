import { createRule } from '../create-rule.js';
import { FOLLOW_UP_TIERS } from '../../model/elements.js';
import { missingSectionPlace } from '../missing-section.js';

const PURPOSE = {
  excellent: 'the depth probe asked after an excellent answer',
  partial: 'the guided probe asked after a good or partial answer',
  weak: 'the foundation check asked after a weak answer',
} as const;

export const followUpTier = createRule({
  id: 'follow-up-tier',
  severity: 'error',
  description: 'A subjective question has all three follow-up tiers: `follow_up_excellent`, `follow_up_partial` and `follow_up_weak`.',
  messages: {
    missing: 'Missing follow-up tier "{{key}}" ({{purpose}}); add a "{{heading}}" heading {{where}}',
  },
  structural: true,
  check(question, context) {
    if (question.type !== 'subjective') return;
    for (const tier of FOLLOW_UP_TIERS) {
      if (question.followUps[tier]) continue;
      const key = `follow_up_${tier}`;
      const { span, heading, where } = missingSectionPlace(question, key, context.lines.lineCount);
      context.report({ messageId: 'missing', span, data: { key, purpose: PURPOSE[tier], heading: `${heading} - …`, where } });
    }
  },
});
