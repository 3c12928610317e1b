import type { Rule } from '../rule.js';

/** Reported by the file readers, which cannot read the file at all; listed here for config and docs. */
export const fileUnreadable: Rule = {
  id: 'file-unreadable',
  severity: 'error',
  description: 'A question file can be read: not locked by its permissions, not a FIFO, device or broken link.',
  messages: {},
  structural: true,
};
