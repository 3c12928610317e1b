import { createRule } from '../create-rule.js';
import { sectionSpecs } from '../../model/section-keys.js';

/** Sections that hold only sub-sections or carry their text in the heading. */
const CONTAINERS = new Set(['question_title', 'core_concepts', 'peripheral_concepts', 'improvement_exercises']);

export const sectionEmpty = createRule({
  id: 'section-empty',
  severity: 'error',
  description: 'A known section has content under its heading (a title has a label).',
  messages: {
    empty: 'Section "{{key}}" is empty; write its content under the heading or delete it',
    untitled: 'The title heading has no title; write it as "# question_title - Your title"',
  },
  structural: true,
  check(question, context) {
    const specs = sectionSpecs(question.type);
    const seen = new Set<string>();
    for (const section of question.sections) {
      if (seen.has(section.key) || !section.known) continue;
      seen.add(section.key);
      if (section.key === 'question_title') {
        if (!section.label) context.report({ messageId: 'untitled', span: section.span });
        continue;
      }
      if (CONTAINERS.has(section.key) || section.content.trim() !== '') continue;
      if (!specs.some((spec) => spec.key === section.key)) continue;
      context.report({ messageId: 'empty', span: section.span, data: { key: section.key } });
    }
  },
});
