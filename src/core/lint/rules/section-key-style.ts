import { createRule } from '../create-rule.js';

export const sectionKeyStyle = createRule({
  id: 'section-key-style',
  severity: 'warning',
  description: 'Headings are written `key - Label`: the key in lower case as documented, one ` - ` before the label (fixable).',
  messages: {
    style: 'Write this heading as "{{canonical}}"; the key is read either way, but one spelling keeps files easy to search (qbank lint --fix does it)',
  },
  fixable: true,
  check(question, context) {
    for (const section of question.sections) {
      if (!section.known) continue;
      const { textSpan } = section;
      if (textSpan.start.line !== textSpan.end.line) continue;
      const written = context.text.slice(context.lines.offsetAt(textSpan.start), context.lines.offsetAt(textSpan.end));
      const canonical = section.label === undefined ? section.key : `${section.key} - ${section.label}`;
      if (written === canonical) continue;
      context.report({ messageId: 'style', span: textSpan, data: { canonical }, fix: { span: textSpan, text: canonical } });
    }
  },
});
