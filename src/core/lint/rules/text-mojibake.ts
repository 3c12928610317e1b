import { createRule } from '../create-rule.js';
import { repairMojibake } from '../mojibake.js';

export const textMojibake = createRule({
  id: 'text-mojibake',
  severity: 'warning',
  description: 'No mis-encoded characters such as `â†’` for `→` or `â€™` for `’` (fixable).',
  messages: {
    mojibake: '"{{found}}" is a mis-encoded "{{repaired}}" (UTF-8 read as Windows-1252); write "{{repaired}}" (qbank lint --fix does it)',
  },
  fixable: true,
  check(_question, context) {
    for (const { start, end, repaired } of repairMojibake(context.text)) {
      const span = context.lines.spanAt(start, end);
      context.report({ messageId: 'mojibake', span, data: { found: context.text.slice(start, end), repaired }, fix: { span, text: repaired } });
    }
  },
});
