import { createRule } from '../create-rule.js';

/** The file readers report the facts: a file over the limit is never read. */
export const fileTooLarge = createRule({
  id: 'file-too-large',
  severity: 'error',
  description: 'A question file is at most 1 MiB.',
  messages: {
    tooLarge: 'The file is {{size}} MiB; question files are limited to 1 MiB, so split it or remove the bulk',
  },
  structural: true,
  facts: {
    'file-too-large': (fact, context) => {
      context.report({ messageId: 'tooLarge', span: fact.span, data: { size: (fact.data.bytes / 1024 / 1024).toFixed(1) } });
    },
  },
});
