import type { BankRule } from '../rule.js';
import { START_OF_FILE } from '../../model/position.js';

export const idDuplicate: BankRule = {
  id: 'id-duplicate',
  severity: 'error',
  description: 'Every question id is unique in the bank.',
  messages: {
    duplicate: 'Question id "{{id}}" is also used by {{other}}; give one of the two questions a new id',
  },
  check(questions, report) {
    const byId = new Map<string, (typeof questions)[number][]>();
    for (const question of questions) {
      const list = byId.get(question.frontmatter.id) ?? [];
      list.push(question);
      byId.set(question.frontmatter.id, list);
    }
    for (const [id, list] of byId) {
      if (list.length < 2) continue;
      for (const question of list) {
        const others = list.filter((q) => q !== question).map((q) => q.file);
        report(question.file, {
          messageId: 'duplicate',
          span: question.frontmatter.spans.id ?? START_OF_FILE,
          data: { id, other: others.join(' and ') },
        });
      }
    }
  },
};
