/** A piece of text found by the tokenizer, with its offsets in the original string. */
export interface RawToken {
  kind: 'word' | 'number' | 'sentence' | 'clause';
  /** Lower-cased NFKC text for words; the canonical figure for numbers (`10,000` → `10000`). */
  text: string;
  start: number;
  end: number;
}

// The tokenizer is a hand-written scanner: one pass over the text, each character looked at a
// bounded number of times, so any input is read in linear time (a regular expression with a
// lookahead after `[.!?]+` retried at every dot of a long run, which was quadratic). It reads:
//  1.   percentiles written p99 / P99.9 (not followed by a letter or digit)
//  2.   numbers with an optional unit glued on (10ms, 99th, 10k, 50%)
//  3.   words of letters and marks, then letters, marks and digits, with inner apostrophes
//       followed by letters (don't, leader's)
//  4.   sentence ends: a run of . ! ? before white space or the end; a blank line; a line break
//       before a new bullet (-, *, +, •) or a numbered item (1. or 1) up to three digits)
//  5.   clause marks: , ; : ( ) [ ] – — and a spaced hyphen
// test/score/tokenize.test.ts checks it against the regular expression it replaces.

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const NUMERAL = /\p{N}/u;
const SPACE = /\s/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** \p{L} for the code point `c`. */
function isLetter(c: number): boolean {
  return c < 128 ? isAsciiLetter(c) : LETTER.test(String.fromCodePoint(c));
}
/** [\p{L}\p{M}]: what a word may start with. */
function startsWord(c: number): boolean {
  if (c < 128) return isAsciiLetter(c);
  const ch = String.fromCodePoint(c);
  return LETTER.test(ch) || MARK.test(ch);
}
/** [\p{L}\p{M}\p{N}]: what a word may go on with. */
function continuesWord(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  const ch = String.fromCodePoint(c);
  return LETTER.test(ch) || MARK.test(ch) || NUMERAL.test(ch);
}
/** [\p{L}\p{N}] */
function isLetterOrNumeral(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  const ch = String.fromCodePoint(c);
  return LETTER.test(ch) || NUMERAL.test(ch);
}
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(String.fromCodePoint(c))) || c === 0xfeff;
}
const CLAUSE_MARKS = new Set([44, 59, 58, 40, 41, 91, 93, 0x2013, 0x2014]);
const BULLETS = new Set([45, 42, 43, 0x2022]);
const width = (c: number) => (c > 0xffff ? 2 : 1);

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
  const n = text.length;
  const at = (i: number) => (i < n ? (text.codePointAt(i) as number) : -1);
  let i = 0;
  while (i < n) {
    const c = at(i);
    // 1. p99, P99.9
    if ((c === 112 || c === 80) && isDigit(at(i + 1))) {
      let j = i + 1;
      while (isDigit(at(j))) j++;
      const integerEnd = j;
      if (at(j) === 46 && isDigit(at(j + 1))) {
        j++;
        while (isDigit(at(j))) j++;
      }
      // `p99.9x`: the fraction cannot be taken, but `p99` before the dot can.
      if (j !== integerEnd && isLetterOrNumeral(at(j))) j = integerEnd;
      if (!isLetterOrNumeral(at(j))) {
        visit('number', String(Number(text.slice(i + 1, j))), i + 1, j);
        visit('word', 'percentile', i, j);
        i = j;
        continue;
      }
    }
    // 2. numbers, with a unit glued on
    if (isDigit(c)) {
      let j = i;
      while (isDigit(at(j))) j++;
      while ((at(j) === 46 || at(j) === 44) && isDigit(at(j + 1))) {
        j++;
        while (isDigit(at(j))) j++;
      }
      const numberEnd = j;
      while (j < n && (isLetter(at(j)) || at(j) === 37)) j += width(at(j));
      emitNumber(text.slice(i, numberEnd), foldWord(text.slice(numberEnd, j)), i, numberEnd, j, visit);
      i = j;
      continue;
    }
    // 3. words
    if (startsWord(c)) {
      // Plain lower-case ASCII, the common case, needs no folding at all.
      let plain = c >= 97 && c <= 122;
      let j = i + width(c);
      for (let d = at(j); j < n && continuesWord(d); d = at(j)) {
        if (d > 122 || (d >= 65 && d <= 90)) plain = false;
        j += width(d);
      }
      while ((at(j) === 39 || at(j) === 0x2019) && j + 1 < n && isLetter(at(j + 1))) {
        plain = false;
        j++;
        while (j < n && isLetter(at(j))) j += width(at(j));
      }
      const word = text.slice(i, j);
      visit('word', plain ? word : foldWord(word), i, j);
      i = j;
      continue;
    }
    // 4. sentence ends
    if (c === 46 || c === 33 || c === 63) {
      let j = i;
      while (at(j) === 46 || at(j) === 33 || at(j) === 63) j++;
      // A run not followed by white space or the end is not a sentence end (`a...b`, `v1.2`).
      if (j >= n || isSpace(at(j))) visit('sentence', '', i, j);
      i = j;
      continue;
    }
    if (c === 10) {
      let j = i + 1;
      while (at(j) === 32 || at(j) === 9) j++;
      if (at(j) === 10) {
        visit('sentence', '', i, j + 1);
        i = j + 1;
        continue;
      }
      if (startsItem(text, j, at)) {
        visit('sentence', '', i, i + 1);
        i += 1;
        continue;
      }
      i += 1;
      continue;
    }
    // 5. clause marks
    if (CLAUSE_MARKS.has(c)) {
      visit('clause', '', i, i + 1);
      i += 1;
      continue;
    }
    if (c === 32 && at(i + 1) === 45 && at(i + 2) === 32) {
      visit('clause', '', i, i + 3);
      i += 3;
      continue;
    }
    i += width(c);
  }
}

/** Whether a bullet or a numbered item, then a space or tab, starts at `j`. */
function startsItem(text: string, j: number, at: (i: number) => number): boolean {
  if (BULLETS.has(at(j))) return at(j + 1) === 32 || at(j + 1) === 9;
  let k = j;
  while (k - j < 4 && isDigit(at(k))) k++;
  const digits = k - j;
  return digits >= 1 && digits <= 3 && (at(k) === 46 || at(k) === 41) && (at(k + 1) === 32 || at(k + 1) === 9);
}

function emitNumber(digits: string, unit: string, start: number, numberEnd: number, end: number, visit: (kind: RawToken['kind'], text: string, start: number, end: number) => void): void {
  const figures = canonicalNumber(digits);
  if (unit === 'k' && figures.length === 1) {
    visit('number', String(Number(figures[0]) * 1000), start, end);
    return;
  }
  for (const figure of figures) visit('number', figure, start, numberEnd);
  if (unit === '%') visit('word', 'percent', numberEnd, end);
  else if (unit !== '' && !ORDINAL.has(unit)) visit('word', unit, numberEnd, end);
}
