import { createRule } from '../create-rule.js';

export const sectionDuplicate = createRule({
  id: 'section-duplicate',
  severity: 'error',
  description: 'A section key appears at most once.',
  messages: {
    duplicate: 'Section "{{key}}" appears twice (first at line {{line}}); merge the two and delete this heading',
  },
  structural: true,
  check(question, context) {
    const first = new Map<string, number>();
    for (const section of question.sections) {
      const line = first.get(section.key);
      if (line === undefined) first.set(section.key, section.span.start.line);
      else context.report({ messageId: 'duplicate', span: section.span, data: { key: section.key, line } });
    }
  },
});
