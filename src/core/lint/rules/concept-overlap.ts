import { createRule } from '../create-rule.js';
import type { Span } from '../../model/position.js';

/** `Output Commit`, `output-commit` and `output commit` are the same item. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export const conceptOverlap = createRule({
  id: 'concept-overlap',
  severity: 'warning',
  description: 'No concept or keyword is both mandatory and bonus.',
  messages: {
    concept: 'Concept "{{name}}" is both mandatory (line {{line}}) and bonus; an answer would be credited twice for it, so keep it in one list',
    keyword: 'Keyword "{{name}}" is both expected (line {{line}}) and bonus; keep it in one list',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    const compare = (mandatory: ReadonlyArray<{ text: string; span: Span }>, bonus: ReadonlyArray<{ text: string; span: Span }>, messageId: 'concept' | 'keyword') => {
      const first = new Map<string, Span>();
      for (const item of mandatory) {
        const key = normalise(item.text);
        if (key !== '' && !first.has(key)) first.set(key, item.span);
      }
      for (const item of bonus) {
        const span = first.get(normalise(item.text));
        if (span) context.report({ messageId, span: item.span, data: { name: item.text, line: span.start.line } });
      }
    };
    const concepts = (list: typeof question.core.concepts) => list.map((c) => ({ text: c.name, span: c.nameSpan }));
    compare(concepts(question.core.concepts), concepts(question.bonus.concepts), 'concept');
    const keywords = (part: typeof question.core) => part.keywords.flatMap((group) => group.keywords);
    compare(keywords(question.core), keywords(question.bonus), 'keyword');
  },
});
