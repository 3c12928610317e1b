/** A piece of text found by the tokenizer, with its offsets in the original string. */
export interface RawToken {
  kind: 'word' | 'number' | 'sentence' | 'clause';
  /** Lower-cased NFKC text for words; the canonical figure for numbers (`10,000` → `10000`). */
  text: string;
  start: number;
  end: number;
}

// One pass, no nested quantifiers over the same characters, so it runs in linear time:
//  1–2. percentiles written p99 / P99.9
//  3–4. numbers with an optional unit glued on (10ms, 99th, 10k, 50%)
//  5.   words, with inner apostrophes (don't, leader's)
//  6.   sentence ends: . ! ? before white space or the end; blank lines; a new bullet line
//  7.   clause marks: , ; : ( ) [ ] dashes, and a spaced hyphen
const TOKEN =
  /([pP])(\d+(?:\.\d+)?)(?![\p{L}\p{N}])|(\d+(?:[.,]\d+)*)([\p{L}%]*)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}]+)*)|([.!?]+(?=\s|$)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)])[ \t]))|([,;:()[\]–—]| - )/gu;

const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const NON_ASCII = /[^\x00-\x7f]/;

function canonicalNumber(raw: string): string[] {
  if (!raw.includes(',')) return [String(Number(raw))];
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) return [String(Number(raw.replace(/,/g, '')))];
  return raw.split(',').filter(Boolean).map((part) => String(Number(part)));
}

/** Lower case, and NFKC for text outside ASCII (full-width letters, ligatures). */
export function foldWord(word: string): string {
  return (NON_ASCII.test(word) ? word.normalize('NFKC') : word).toLowerCase();
}

/** Splits text into words, numbers and sentence and clause boundaries. */
export function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  forEachToken(text, (kind, tokenText, start, end) => tokens.push({ kind, text: tokenText, start, end }));
  return tokens;
}

/** The same as `tokenize`, without building an array: `visit` is called for each token in order. */
export function forEachToken(text: string, visit: (kind: RawToken['kind'], text: string, start: number, end: number) => void): void {
  const tokens = { push: (t: RawToken) => visit(t.kind, t.text, t.start, t.end) };
  const pattern = new RegExp(TOKEN.source, TOKEN.flags);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const word = match[5];
    if (word !== undefined) {
      tokens.push({ kind: 'word', text: foldWord(word), start, end });
    } else if (match[2] !== undefined) {
      tokens.push({ kind: 'number', text: String(Number(match[2])), start: start + 1, end });
      tokens.push({ kind: 'word', text: 'percentile', start, end });
    } else if (match[3] !== undefined) {
      const digits = match[3];
      const unit = foldWord(match[4] ?? '');
      const numberEnd = start + digits.length;
      const figures = canonicalNumber(digits);
      if (unit === 'k' && figures.length === 1) {
        tokens.push({ kind: 'number', text: String(Number(figures[0]) * 1000), start, end });
        continue;
      }
      for (const figure of figures) tokens.push({ kind: 'number', text: figure, start, end: numberEnd });
      if (unit === '%') tokens.push({ kind: 'word', text: 'percent', start: numberEnd, end });
      else if (unit !== '' && !ORDINAL.has(unit)) tokens.push({ kind: 'word', text: unit, start: numberEnd, end });
    } else if (match[6] !== undefined) {
      tokens.push({ kind: 'sentence', text: '', start, end });
    } else {
      tokens.push({ kind: 'clause', text: '', start, end });
    }
  }
}
