/**
 * Hard word wrap for the terminal, in linear time: what `wrapAnsi(text, columns, { hard: true })`
 * gives (the same rows; test/cli/wrap-text.test.ts compares them), without its cost. wrap-ansi
 * measures text with string-width and splits it with Intl.Segmenter, whose iteration over a long
 * string is quadratic in V8 (200,000 accented letters: 75 s), so `show` of a file with a long
 * word took minutes. Here a character's width comes from a table of ranges, and grapheme
 * clusters are approximated by a base character with the zero-width ones after it.
 *
 * Escape sequences (CSI, and OSC ended by BEL or ST) are zero width and never split. Styles are
 * not closed and reopened around row breaks: qbank's own (marked, see terminal-safe.ts) are not
 * SGR to wrap-ansi either, and the terminal writer shows any other escape visibly.
 */

import { EXTENDS, codePointWidth, isControl, isZeroWidth } from './char-width.js';

const TAB_SIZE = 8;
// A complete CSI or OSC sequence at the sticky index.
const ESCAPE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b\][^\u0000-\u001f\u007f-\u009f]*(?:\u0007|\u001b\\)/y;

/** `text` wrapped to `columns` (at least 1) per line: words moved whole, a word wider than a line cut. */
export function wrapText(text: string, columns: number, options: { trim?: boolean } = {}): string {
  const trim = options.trim !== false;
  return normalizeText(text)
    .replaceAll('\r\n', '\n')
    .split('\n')
    .map((line) => wrapLine(expandTabs(line), Math.max(1, columns), trim))
    .join('\n');
}

/** A piece of a line: an escape sequence, or one (approximate) grapheme cluster with its width. */
interface Token {
  value: string;
  width: number;
  escape: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = text.charCodeAt(i);
    if (ch === 0x1b || ch === 0x9b) {
      ESCAPE.lastIndex = i;
      const match = ESCAPE.exec(text);
      if (match) {
        out.push({ value: match[0], width: 0, escape: true });
        i += match[0].length;
        continue;
      }
    }
    if (ch === 0x20 || isControl(ch)) {
      // A space (words are split on it) and a control character (a tab, an escape that starts
      // no sequence) are tokens of their own.
      out.push({ value: text.charAt(i), width: ch === 0x20 ? 1 : 0, escape: false });
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    // Zero-width code points after a base join its cluster (marks, joiners, selectors); after a
    // zero-width joiner, the next character joins too (emoji sequences).
    while (end < text.length && text.charCodeAt(end) !== 0x20 && !isControl(text.charCodeAt(end))) {
      const next = text.codePointAt(end)!;
      const joined = text.charCodeAt(end - 1) === 0x200d;
      if (!joined && !EXTENDS.test(String.fromCodePoint(next))) break;
      end += next > 0xffff ? 2 : 1;
    }
    const value = text.slice(i, end);
    out.push({ value, width: isZeroWidth(cp) ? 0 : codePointWidth(cp), escape: false });
    i = end;
  }
  return out;
}

/** Printable ASCII: a column a character, no sequences; the common case, taken without tokens. */
const PLAIN = /^[ -~]*$/;

/** Columns `text` takes in a terminal, escape sequences counting nothing. */
export function visibleWidth(text: string): number {
  if (PLAIN.test(text)) return text.length;
  let width = 0;
  for (const token of tokens(text)) width += token.width;
  return width;
}

/** NFC for the text, not for escape sequences (a mark after one would compose with its last character). */
function normalizeText(text: string): string {
  if (!text.includes('\u001b') && !text.includes('\u009b')) return text.normalize();
  let out = '';
  let plain = '';
  for (const token of tokens(text)) {
    if (token.escape) {
      out += plain.normalize() + token.value;
      plain = '';
    } else {
      plain += token.value;
    }
  }
  return out + plain.normalize();
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  let visible = 0;
  for (const token of tokens(line)) {
    if (token.value === '\t') {
      const spaces = TAB_SIZE - (visible % TAB_SIZE);
      out += ' '.repeat(spaces);
      visible += spaces;
    } else {
      out += token.value;
      visible += token.width;
    }
  }
  return out;
}

/** wrap-ansi's `exec` for one line with `hard: true`. */
function wrapLine(line: string, columns: number, trim: boolean): string {
  if (trim && line.trim() === '') return '';
  const words = splitWords(line);
  let rows = [''];
  let rowLength = 0;
  let trimmedRowIndex = -1;
  let isFirstWord = true;
  for (const word of words) {
    const rowIndex = rows.length - 1;
    if (trim && trimmedRowIndex !== rowIndex) {
      const row = rows[rowIndex]!;
      const trimmedRow = row.trimStart();
      if (trimmedRow.length !== row.length) {
        rows[rowIndex] = trimmedRow;
        rowLength = visibleWidth(trimmedRow);
      }
      if (trimmedRow.length > 0) trimmedRowIndex = rowIndex;
    }
    if (isFirstWord) isFirstWord = false;
    else {
      if (rowLength >= columns && !trim) {
        rows.push('');
        rowLength = 0;
      }
      if (rowLength > 0 || !trim) {
        rows[rows.length - 1] += ' ';
        rowLength++;
      }
    }
    if (word.width > columns) {
      const remaining = columns - rowLength;
      const breaksStartingThisLine = 1 + Math.floor((word.width - remaining - 1) / columns);
      const breaksStartingNextLine = Math.floor((word.width - 1) / columns);
      if (breaksStartingNextLine < breaksStartingThisLine) {
        rows.push('');
        rowLength = 0;
      }
      rowLength = wrapWord(rows, word.value, columns, rowLength);
      continue;
    }
    if (rowLength + word.width > columns && rowLength > 0 && word.width > 0) {
      rows.push('');
      rowLength = 0;
    }
    rows[rows.length - 1] += word.value;
    rowLength += word.width;
  }
  if (trim) rows = rows.map(trimSpacesRight);
  return rows.join('\n');
}

/** Words split on spaces outside escape sequences, each with its visible width. */
function splitWords(line: string): Array<{ value: string; width: number }> {
  if (PLAIN.test(line)) return line.split(' ').map((value) => ({ value, width: value.length }));
  const words = [{ value: '', width: 0 }];
  for (const token of tokens(line)) {
    if (token.value === ' ') words.push({ value: '', width: 0 });
    else {
      const word = words[words.length - 1]!;
      word.value += token.value;
      word.width += token.width;
    }
  }
  return words;
}

/** Fills rows with a word's clusters, a row at a time; the width of the last row. */
function wrapWord(rows: string[], word: string, columns: number, rowWidth: number): number {
  const parts: Token[] = PLAIN.test(word) ? Array.from(word, (value) => ({ value, width: 1, escape: false })) : tokens(word);
  let visible = rowWidth;
  let row = rows.pop()!;
  for (let index = 0; index < parts.length; index++) {
    const token = parts[index]!;
    if (token.width > 0 && visible > 0 && visible + token.width > columns) {
      rows.push(row);
      row = '';
      visible = 0;
    }
    row += token.value;
    visible += token.width;
    if (visible === columns && index < parts.length - 1) {
      rows.push(row);
      row = '';
      visible = 0;
    }
  }
  // A last row of escape sequences only goes with the row before it.
  if (visible === 0 && row.length > 0 && rows.length > 0) rows[rows.length - 1] += row;
  else rows.push(row);
  return visibleWidth(rows[rows.length - 1]!);
}

/** Drops the spaces after the last visible character, keeping escape sequences among them. */
function trimSpacesRight(row: string): string {
  if (!row.includes(' ')) return row;
  if (PLAIN.test(row)) return row.trimEnd();
  const parts = tokens(row);
  let end = parts.length;
  const kept: Token[] = [];
  while (end > 0) {
    const token = parts[end - 1]!;
    if (token.escape) kept.push(token);
    else if (token.value !== ' ') break;
    end--;
  }
  let out = '';
  for (let i = 0; i < end; i++) out += parts[i]!.value;
  for (let i = kept.length - 1; i >= 0; i--) out += kept[i]!.value;
  return out;
}
