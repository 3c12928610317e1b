import { createBankRule } from '../create-rule.js';
import type { BankEntry } from '../rule.js';

export const idDuplicate = createBankRule({
  id: 'id-duplicate',
  severity: 'error',
  description: 'Every question id is unique in the bank.',
  messages: {
    duplicate: 'Question id "{{id}}" is also used by {{other}}; give one of the two questions a new id',
  },
  structural: true,
  check(entries, report) {
    const byId = new Map<string, BankEntry[]>();
    for (const entry of entries) {
      const list = byId.get(entry.id);
      if (list) list.push(entry);
      else byId.set(entry.id, [entry]);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const entry of list) {
        const others = list.filter((e) => e !== entry).map((e) => e.file);
        report(entry.file, { messageId: 'duplicate', span: entry.idSpan, data: { id, other: others.join(' and ') } });
      }
    }
  },
});
