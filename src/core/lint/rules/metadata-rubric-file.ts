import { createRule } from '../create-rule.js';

export const metadataRubricFile = createRule({
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
      for (const { name, index } of fileReferences(entry.value)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.startsWith('#')) continue;
        const path = name.split('#')[0] ?? name;
        if (exists(context.file, path)) continue;
        const at = base + index;
        context.report({ messageId: 'missing', span: context.lines.spanAt(at, at + name.length), data: { name } });
      }
    }
  },
});

const EXTENSION = /^\.(?:md|markdown|ya?ml|json|txt|pdf)(?![\w])/i;
const PATH_CHARACTER = /[\w./-]/;

/**
 * The files a value names, with where each name starts: a markdown link's target
 * (`[the rubric](docs/RUBRIC.md)`), or a bare name with a document extension (`GUIDELINES.md`,
 * `rubrics/raft.yaml`). One pass with look-ups of what comes next: a regular expression for the
 * same took seconds on a few thousand characters of `[a](` or `a.a.a`.
 */
export function fileReferences(value: string): Array<{ name: string; index: number }> {
  const next = nextIndexes(value);
  const found: Array<{ name: string; index: number }> = [];
  for (let i = 0; i < value.length; ) {
    const ch = value.charAt(i);
    if (ch === '[') {
      const link = readLink(value, i, next);
      if (link) {
        if (link.name !== '') found.push({ name: link.name, index: link.index });
        i = link.end;
        continue;
      }
      i++;
    } else if (PATH_CHARACTER.test(ch)) {
      let end = i;
      while (end < value.length && PATH_CHARACTER.test(value.charAt(end)) && value.charAt(end) !== '[') end++;
      // A name has no empty step (`a//b.md` names `b.md`): each stretch between `//` is tried.
      for (let from = i; from < end; ) {
        const doubled = value.indexOf('//', from);
        const to = doubled === -1 || doubled >= end ? end : doubled;
        const name = bareName(value, from, to);
        if (name) found.push(name);
        from = to + 1;
      }
      i = end;
    } else {
      i++;
    }
  }
  return found;
}

/** For each offset, where the next `]`, the next `)`, and the next white space, `)` or `>` are. */
function nextIndexes(value: string): { close: Int32Array; paren: Int32Array; stop: Int32Array } {
  const n = value.length;
  const close = new Int32Array(n + 1).fill(n);
  const paren = new Int32Array(n + 1).fill(n);
  const stop = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) {
    const ch = value.charAt(i);
    close[i] = ch === ']' ? i : close[i + 1]!;
    paren[i] = ch === ')' ? i : paren[i + 1]!;
    stop[i] = ch === ')' || ch === '>' || /\s/.test(ch) ? i : stop[i + 1]!;
  }
  return { close, paren, stop };
}

/** `[label](<target> title)` at `at`: the target, where it starts, and where the link ends. */
function readLink(value: string, at: number, next: ReturnType<typeof nextIndexes>): { name: string; index: number; end: number } | undefined {
  const close = next.close[at + 1]!;
  if (close >= value.length || value.charAt(close + 1) !== '(') return undefined;
  let start = close + 2;
  while (start < value.length && /\s/.test(value.charAt(start))) start++;
  if (value.charAt(start) === '<') start++;
  const end = next.stop[start]!;
  const paren = next.paren[end]!;
  if (end === start || paren >= value.length) return undefined;
  return { name: value.slice(start, end), index: start, end: paren + 1 };
}

/** In a run of path characters, the longest name ending in a document extension (leading `/` left out). */
function bareName(value: string, start: number, end: number): { name: string; index: number } | undefined {
  let from = start;
  while (from < end && value.charAt(from) === '/') from++;
  let nameEnd = -1;
  for (let dot = value.indexOf('.', from + 1); dot !== -1 && dot < end; dot = value.indexOf('.', dot + 1)) {
    const extension = EXTENSION.exec(value.slice(dot, Math.min(end, dot + 10)) + (dot + 10 < end ? '' : ' '));
    if (extension && value.charAt(dot - 1) !== '/') nameEnd = dot + extension[0].length;
  }
  return nameEnd === -1 ? undefined : { name: value.slice(from, nameEnd), index: from };
}
