import type { Rule } from '../rule.js';

/** Reported by the folder walk, which has no question to check; listed here for config and docs. */
export const folderSkipped: Rule = {
  id: 'folder-skipped',
  severity: 'warning',
  description: 'Every folder under a bank folder is walked: one that cannot be listed, or a link back to a folder already walked, is left out with its questions.',
  messages: {},
};
