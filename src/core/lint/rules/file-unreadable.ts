import { createRule } from '../create-rule.js';

/** The file readers report the facts: they cannot read the file at all. */
export const fileUnreadable = createRule({
  id: 'file-unreadable',
  severity: 'error',
  description: 'A question file can be read: not locked by its permissions, not a FIFO, device or broken link.',
  messages: {
    unreadable: 'The file cannot be read: {{reason}}; it is left out of the bank until it can be read (check its permissions, or replace it with a regular file)',
  },
  structural: true,
  facts: {
    'file-unreadable': (fact, context) => context.report({ messageId: 'unreadable', span: fact.span, data: fact.data }),
  },
});
