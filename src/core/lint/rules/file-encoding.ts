import { createRule } from '../create-rule.js';

/** The file readers report the facts: text that is not UTF-8 is never parsed. */
export const fileEncoding = createRule({
  id: 'file-encoding',
  severity: 'error',
  description: 'A question file is valid UTF-8 (a byte-order mark is accepted).',
  messages: {
    notUtf8: 'The file is not valid UTF-8; save it as UTF-8',
  },
  structural: true,
  facts: {
    'file-not-utf8': (fact, context) => context.report({ messageId: 'notUtf8', span: fact.span }),
  },
});
