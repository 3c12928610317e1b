import { createRule } from '../create-rule.js';
import { TODO_MARKER } from '../placeholder.js';

export const todo = createRule({
  id: 'todo',
  severity: 'warning',
  description: 'No `TODO` placeholder is left in the file (`qbank new` writes one wherever the author has to fill in).',
  messages: {
    todo: 'A TODO placeholder is left here; write the real content before candidates see the question',
  },
  check(_question, context) {
    if (!context.text.includes('TODO')) return;
    for (const match of context.text.matchAll(TODO_MARKER)) {
      const start = match.index ?? 0;
      context.report({ messageId: 'todo', span: context.lines.spanAt(start, start + match[0].length) });
    }
  },
});
