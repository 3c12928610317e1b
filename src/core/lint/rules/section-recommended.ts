import { createRule } from '../create-rule.js';
import { sectionSpecs } from '../../model/section-keys.js';
import { missingSectionPlace } from '../missing-section.js';

/** What is lost without each expected section. */
const LOSS: Record<string, string> = {
  bar_raiser_question: 'practice and interviews have no bar raiser to ask after an excellent answer',
  bar_raiser_concepts: 'the bar raiser has nothing to grade answers against, so practice and interviews skip it',
  metadata: 'qbank show --rubric has no evaluation rubric, time expectation or next topics to show',
};

export const sectionRecommended = createRule({
  id: 'section-recommended',
  severity: 'warning',
  description: 'The sections qbank uses when a file has them (`bar_raiser_question`, `bar_raiser_concepts`, `metadata`) are present; a file without them still loads.',
  messages: {
    missing: 'Missing section "{{key}}": the question loads, but {{loss}}; add a "{{heading}}" heading {{where}}',
  },
  check(question, context) {
    const present = new Set(question.sections.map((section) => section.key));
    for (const spec of sectionSpecs(question.type)) {
      if (!spec.expected || present.has(spec.key)) continue;
      // Without the bar-raiser question, its missing concepts are the same finding.
      if (spec.parent && !present.has(spec.parent)) continue;
      const { span, heading, where } = missingSectionPlace(question, spec.key, context.lines.lineCount);
      context.report({ messageId: 'missing', span, data: { key: spec.key, heading, where, loss: LOSS[spec.key] ?? 'sessions cannot use it' } });
    }
  },
});
