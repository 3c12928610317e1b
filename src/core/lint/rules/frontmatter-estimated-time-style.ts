import { createRule } from '../create-rule.js';
import { formatEstimatedTime, parseEstimatedTime } from '../../model/estimated-time.js';

export const frontmatterEstimatedTimeStyle = createRule({
  id: 'frontmatter-estimated-time-style',
  severity: 'warning',
  description: '`estimated_time` is spelt the one way every file uses: `8-10 minutes` or `5 minutes` (fixable).',
  messages: {
    style: 'estimated_time is written "{{raw}}"; write "{{canonical}}" as every other question does (qbank lint --fix does it)',
    unwritable: 'estimated_time is written "{{raw}}", a budget no spelling in minutes can hold (at most 999); write a real budget such as "8-10 minutes"',
  },
  fixable: true,
  check(question, context) {
    const time = question.frontmatter.estimatedTime;
    const span = question.frontmatter.valueSpans?.estimated_time;
    if (!time || !span) return;
    const canonical = formatEstimatedTime(time);
    const start = context.lines.offsetAt(span.start);
    const written = context.text.slice(start, context.lines.offsetAt(span.end));
    if (written === canonical) return;
    // A block scalar spans lines: report it, but only a one-line value is rewritten in place; and
    // only into a spelling that reads back as the same budget (a 21-digit number would not).
    const reread = parseEstimatedTime(canonical);
    const same = reread !== undefined && reread.min === time.min && reread.max === time.max;
    const fix = span.start.line === span.end.line && same ? { span, text: canonical } : undefined;
    context.report({ messageId: same ? 'style' : 'unwritable', span, data: { canonical, raw: written.trim() }, fix });
  },
});
