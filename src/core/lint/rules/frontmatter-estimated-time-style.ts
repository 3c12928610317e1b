import type { Rule } from '../rule.js';
import { formatEstimatedTime } from '../../model/estimated-time.js';

export const frontmatterEstimatedTimeStyle: Rule = {
  id: 'frontmatter-estimated-time-style',
  severity: 'warning',
  description: '`estimated_time` is spelt the one way every file uses: `8-10 minutes` or `5 minutes` (fixable).',
  messages: {
    style: 'estimated_time is written "{{raw}}"; write "{{canonical}}" as every other question does (qbank lint --fix does it)',
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
    // A block scalar spans lines: report it, but only a one-line value is rewritten in place.
    const fix = span.start.line === span.end.line ? { span, text: canonical } : undefined;
    context.report({ messageId: 'style', span, data: { canonical, raw: written.trim() }, fix });
  },
};
