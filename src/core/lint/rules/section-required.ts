import { createRule } from '../create-rule.js';
import type { Question } from '../../model/question.js';
import { sectionSpecs } from '../../model/section-keys.js';
import { missingSectionPlace } from '../missing-section.js';

/** Follow-up tiers have their own rule, `follow-up-tier`. */
const FOLLOW_UP = /^follow_up_/;

/**
 * Whether concepts were read for a missing concept sub-heading from straight under its part's
 * heading (`concept-section` warns about those; the file loads).
 */
function conceptsWithoutHeading(question: Question, key: string): boolean {
  if (question.type !== 'subjective') return false;
  if (key === 'mandatory_concepts') return question.core.concepts.length > 0;
  if (key === 'bonus_concepts') return question.bonus.concepts.length > 0;
  return false;
}

export const sectionRequired = createRule({
  id: 'section-required',
  severity: 'error',
  description: 'Every required section of the question type is present.',
  messages: {
    missing: 'Missing required section "{{key}}"; add a "{{heading}}" heading {{where}}',
  },
  structural: true,
  check(question, context) {
    const present = new Set(question.sections.map((section) => section.key));
    for (const spec of sectionSpecs(question.type)) {
      if (!spec.required || present.has(spec.key) || FOLLOW_UP.test(spec.key) || conceptsWithoutHeading(question, spec.key)) continue;
      const { span, heading, where } = missingSectionPlace(question, spec.key, context.lines.lineCount);
      context.report({ messageId: 'missing', span, data: { key: spec.key, heading, where } });
    }
  },
});
