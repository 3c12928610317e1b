/**
 * Cuts a markdown body into blocks that remark can read one at a time, and measures each in one
 * linear pass, so that `bounded-markdown.ts` can keep remark away from what it would take
 * super-linear time on (see `limits.ts`).
 *
 * A block starts at an unindented line after a blank line, unless that line could continue a
 * list (it starts with `-`, `+`, `*` or a digit) or sits inside fenced code or an HTML block
 * that only a closing line ends (`<!--`, `<script`…). Paragraphs, quotes, lists and indented
 * code all end there, so for ordinary markdown each block's tree is what the whole body's tree
 * holds for its lines. Fences and HTML blocks are looked for inside quotes and list items too,
 * where taking a line for one when it is not only keeps a block whole; what remark does with
 * code a list item leaves open is not modelled (see `readMarkdown`).
 */
import { MAX_INDENT_COLUMNS, MAX_LINE_CONTAINERS } from './limits.js';

/** One block of a body: where it is, and what it would cost remark. */
export interface BodyBlock {
  /** Offset of its first character in the body. */
  start: number;
  /** Offset just past its last line (its line break included). */
  end: number;
  /**
   * Offset just past its last non-blank line (its line break left out): what is read. Blank
   * lines at the end belong to no node, and read as part of a block they would lengthen code
   * that the next line would have closed.
   */
  contentEnd: number;
  /** Non-blank lines, those inside fenced code and HTML blocks left out (remark reads them in linear time). */
  lines: number;
  /** Emphasis, link and code marks outside fenced code and HTML blocks. */
  marks: number;
  /** Marks squared, plus the scan each `](` costs (see `MAX_MARK_WORK`). */
  markWork: number;
  /** The first line that opens more containers, or is indented further, than qbank reads. */
  tooDeep?: { offset: number; end: number; count: number; kind: 'containers' | 'indent' };
}

// HTML blocks that only a closing marker ends (CommonMark kinds 1 to 5), blank lines or not.
const HTML_OPENERS: ReadonlyArray<{ open: RegExp; close: string }> = [
  { open: /^<(script|pre|style|textarea)(?=[\s>]|$)/i, close: '' },
  { open: /^<!--/, close: '-->' },
  { open: /^<\?/, close: '?>' },
  { open: /^<![A-Za-z]/, close: '>' },
  { open: /^<!\[CDATA\[/, close: ']]>' },
];
const FENCE = /^(`{3,}|~{3,})(.*)$/;

/** What is open across lines: fenced code or an HTML block, and whether inside a quote or list item. */
interface Open {
  /** The fence, or the marker that ends an HTML block. */
  fence?: { char: string; length: number };
  htmlClose?: string;
  inContainer: boolean;
}

/** Splits `body` into blocks and measures each (linear in its length). */
export function splitBlocks(body: string): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  let block: BodyBlock | undefined;
  let open: Open | undefined;
  let previousBlank = true;
  for (let start = 0; start <= body.length; ) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 ? body.length : newline;
    const next = newline === -1 ? body.length + 1 : newline + 1;
    const line = body.slice(start, end);
    const blank = isBlank(line);
    const indent = leadingSpaces(line);
    const direct = line.slice(indent.length);
    // Fences and HTML blocks are looked for inside quotes and list items too (and whatever the
    // indentation): wrongly taking a line for one only keeps a block whole.
    const rest = afterContainers(line);
    const unmarked = !blank && rest === direct;

    // An unindented line with no marker ends any quote or list item, and what was open in it;
    // not a place to cut, though: where remark ends code left open in a list item depends on
    // the blank lines and the line after them.
    const endsContainer = open?.inContainer === true && unmarked && indent.spaces === 0 && !(open.htmlClose !== undefined && line.toLowerCase().includes(open.htmlClose));
    if (endsContainer) open = undefined;
    if (!block || (!endsContainer && open === undefined && previousBlank && !blank && startsBlock(line))) {
      block = { start, end: Math.min(next, body.length), contentEnd: start, lines: 0, marks: 0, markWork: 0 };
      blocks.push(block);
    }
    block.end = Math.min(next, body.length);
    if (!blank) block.contentEnd = end;

    if (open?.fence) {
      const fence = open.fence;
      if (open.inContainer && unmarked && indent.spaces <= 3 && fenceOpened(direct)) {
        // Under a quote or list item, a fence line with no marker may close its fence or end the
        // container and open a fence of its own: the latter keeps the block whole.
        open = { fence: fenceOpened(direct)!, inContainer: false };
      } else if (open.inContainer ? closesFence(rest, fence) : indent.spaces <= 3 && closesFence(direct, fence)) {
        open = undefined;
      }
    } else if (open?.htmlClose !== undefined) {
      if (line.toLowerCase().includes(open.htmlClose)) open = undefined;
    } else if (!blank) {
      block.lines++;
      block.tooDeep ??= depthProblem(line, start);
      const inContainer = rest !== direct || indent.spaces > 3;
      const fence = fenceOpened(rest);
      const htmlClose = fence ? undefined : htmlBlockClose(rest);
      if (fence) open = { fence, inContainer };
      else if (htmlClose !== undefined) open = { htmlClose, inContainer };
    }
    previousBlank = blank;
    if (newline === -1) break;
    start = next;
  }
  for (const each of blocks) measureMarks(body, each);
  return blocks;
}

function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Whether an unindented line after a blank line starts a new block (it cannot continue a list). */
function startsBlock(line: string): boolean {
  const first = line.charAt(0);
  return first !== ' ' && first !== '\t' && first !== '-' && first !== '+' && first !== '*' && !(first >= '0' && first <= '9');
}

/** Leading spaces and tabs: how many characters, and how many columns (a tab to the next multiple of 4). */
function leadingSpaces(line: string): { length: number; spaces: number } {
  let length = 0;
  let spaces = 0;
  while (length < line.length) {
    const ch = line.charAt(length);
    if (ch === ' ') spaces++;
    else if (ch === '\t') spaces += 4 - (spaces % 4);
    else break;
    length++;
  }
  return { length, spaces };
}

/** The line after its indentation and container markers (`>`, list markers). */
function afterContainers(line: string): string {
  let at = 0;
  for (;;) {
    while (at < line.length && (line.charAt(at) === ' ' || line.charAt(at) === '\t')) at++;
    const ch = line.charAt(at);
    if (ch === '>') at++;
    else if ((ch === '-' || ch === '*' || ch === '+') && /^[ \t]/.test(line.charAt(at + 1))) at += 2;
    else {
      const ordered = ch >= '0' && ch <= '9' ? /^\d{1,9}[.)][ \t]/.exec(line.slice(at, at + 12)) : null;
      if (!ordered) return line.slice(at);
      at += ordered[0].length;
    }
  }
}

/** The fence a line opens, if it opens one (a backtick fence's info holds no backtick). */
function fenceOpened(rest: string): { char: string; length: number } | undefined {
  const opened = FENCE.exec(rest);
  if (!opened || (opened[1]!.startsWith('`') && opened[2]!.includes('`'))) return undefined;
  return { char: opened[1]!.charAt(0), length: opened[1]!.length };
}

function closesFence(rest: string, fence: { char: string; length: number }): boolean {
  let run = 0;
  while (rest.charAt(run) === fence.char) run++;
  return run >= fence.length && isBlank(rest.slice(run));
}

/** When `rest` opens an HTML block of kinds 1 to 5 and does not close it on the same line: its closing marker. */
function htmlBlockClose(rest: string): string | undefined {
  if (rest.charAt(0) !== '<') return undefined;
  for (const { open, close } of HTML_OPENERS) {
    const match = open.exec(rest);
    if (!match) continue;
    const marker = close === '' ? `</${match[1]!.toLowerCase()}>` : close;
    return rest.toLowerCase().includes(marker, match[0].length) ? undefined : marker;
  }
  return undefined;
}

/**
 * Container markers at the start of a line (each `>`, and each list marker followed by a
 * space), and columns of indentation, measured up to the first other character; the first
 * past its cap, if any. A thematic break (`- - -`, `* * *`) opens no container.
 */
function depthProblem(line: string, offset: number): BodyBlock['tooDeep'] {
  let at = 0;
  let columns = 0;
  let count = 0;
  let pastCap: number | undefined;
  while (at < line.length) {
    const ch = line.charAt(at);
    if (ch === ' ' || ch === '\t') {
      columns += ch === '\t' ? 4 - (columns % 4) : 1;
      if (count === 0 && columns > MAX_INDENT_COLUMNS) {
        const end = line.length - line.trimStart().length;
        return { offset: offset + at, end: offset + Math.max(end, at + 1), count: columns, kind: 'indent' };
      }
      at++;
      continue;
    }
    let marker = 0;
    if (ch === '>') marker = 1;
    else if ((ch === '-' || ch === '*' || ch === '+') && /^[ \t]|^$/.test(line.slice(at + 1, at + 2))) marker = 1;
    else if (ch >= '0' && ch <= '9') {
      const ordered = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(at, at + 11));
      if (ordered) marker = ordered[0].length;
    }
    if (marker === 0) break;
    count++;
    if (count === MAX_LINE_CONTAINERS + 1) pastCap = at;
    at += marker;
    columns += marker;
  }
  if (pastCap === undefined || /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line)) return undefined;
  return { offset: offset + pastCap, end: offset + at, count, kind: 'containers' };
}

const MARKS = new Set(['*', '_', '[', ']', '`', '<']);

/** Counts a block's marks and the work they cost, leaving out fenced code and HTML blocks. */
function measureMarks(body: string, block: BodyBlock): void {
  let marks = 0;
  let scan = 0;
  let nextParen = block.end;
  let fence: { char: string; length: number } | undefined;
  // Backwards for the distance from each `](` to the next `)`, then forwards a line at a time
  // for fences: two linear passes.
  for (let i = block.end - 1; i >= block.start; i--) {
    const ch = body.charAt(i);
    if (ch === ')') nextParen = i;
    else if (ch === ']' && body.charAt(i + 1) === '(') scan += nextParen - i;
  }
  for (let start = block.start; start < block.end; ) {
    const newline = body.indexOf('\n', start);
    const end = newline === -1 || newline >= block.end ? block.end : newline;
    const line = body.slice(start, end);
    const rest = afterContainers(line);
    if (fence) {
      if (closesFence(rest, fence)) fence = undefined;
    } else {
      fence = fenceOpened(rest);
      if (!fence) for (let i = 0; i < line.length; i++) if (MARKS.has(line.charAt(i))) marks++;
    }
    start = end + 1;
  }
  block.marks = marks;
  block.markWork = marks * marks + scan;
}
