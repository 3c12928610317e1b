import { createRule } from '../create-rule.js';

export const sectionUnknown = createRule({
  id: 'section-unknown',
  severity: 'warning',
  description: 'Every heading uses a section key qbank knows for the question type.',
  messages: {
    unknown: 'Unknown section "{{key}}"; qbank keeps its text but does not use it; check the key against docs/question-format.md',
  },
  check(question, context) {
    for (const section of question.sections) {
      if (!section.known) context.report({ messageId: 'unknown', span: section.textSpan, data: { key: section.rawKey } });
    }
  },
});
