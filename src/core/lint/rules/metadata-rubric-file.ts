import type { Rule } from '../rule.js';

// A markdown link's target, or a bare file name with a document extension.
const REFERENCE = /\[[^\]]*\]\(\s*<?([^)\s>]+)>?[^)]*\)|((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown|ya?ml|json|txt|pdf))\b/gi;

export const metadataRubricFile: Rule = {
  id: 'metadata-rubric-file',
  severity: 'warning',
  description: 'The `Evaluation rubric` metadata names a file that exists (next to the question, in the rubrics folder, or from the working folder).',
  messages: {
    missing: 'The evaluation rubric "{{name}}" does not exist next to the question, in the rubrics folder or in the working folder; fix the name or the path',
  },
  check(question, context) {
    if (question.type !== 'subjective') return;
    const exists = context.services.fileExists;
    if (!exists) return;
    for (const entry of question.metadata) {
      if (entry.kind !== 'evaluation_rubric') continue;
      const base = context.lines.offsetAt(entry.valueSpan.start);
      for (const match of entry.value.matchAll(REFERENCE)) {
        const name = match[1] ?? match[2];
        if (!name || /^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('#')) continue;
        const path = name.split('#')[0] ?? name;
        if (exists(context.file, path)) continue;
        const at = base + (match.index ?? 0) + match[0].indexOf(name);
        context.report({ messageId: 'missing', span: context.lines.spanAt(at, at + name.length), data: { name } });
      }
    }
  },
};
