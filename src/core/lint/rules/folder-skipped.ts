import { createRule } from '../create-rule.js';

/** The folder walk reports the facts: a folder it left out has no question to check. */
export const folderSkipped = createRule({
  id: 'folder-skipped',
  severity: 'warning',
  description: 'Every folder under a bank folder is walked: one that cannot be listed, or a link back to a folder already walked, is left out with its questions.',
  messages: {
    leftOut: 'The folder is left out, with every question in it: {{reason}}; fix its permissions or the link to check them',
  },
  facts: {
    'folder-left-out': (fact, context) => context.report({ messageId: 'leftOut', span: fact.span, data: fact.data }),
  },
});
