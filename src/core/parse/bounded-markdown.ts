import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseSimpleMarkdown } from './fast-markdown.js';
import type { ReadLimit } from './facts.js';
import {
  MAX_BLOCK_LINES,
  MAX_BLOCK_MARKS,
  MAX_BODY_LINES,
  MAX_COMPLEX_CHARS,
  MAX_COMPLEX_LINES,
  MAX_INDENT_COLUMNS,
  MAX_LINE_CONTAINERS,
  MAX_MARK_WORK,
} from './limits.js';
import { splitBlocks, type BodyBlock } from './markdown-blocks.js';
import { readPlainBlocks } from './plain-blocks.js';
import { countLineBreaks, lineEnd, lineStart, pointAt, shift } from './tree-positions.js';

const processor = unified().use(remarkParse).freeze();

/** Which markdown reader to use: the fast one when the text allows it (`auto`), or always remark. */
export type MarkdownEngine = 'auto' | 'remark';

/** What reading a body cost remark, for tests and benchmarks: the caps bound these by construction. */
export interface MarkdownWork {
  /** Lines and characters handed to remark, and the mark work they held (see `limits.ts`). */
  remarkLines: number;
  remarkChars: number;
  markWork: number;
  /** Blocks read as plain text because of a cap. */
  plainBlocks: number;
}

/** A cap the body went past: which (a `file-too-complex` message id) and slots, at offsets in the body. */
export interface MarkdownFinding {
  messageId: ReadLimit;
  data: Record<string, string | number>;
  start: number;
  end: number;
}

/**
 * A body of at most this many non-blank lines and characters, within every cap, is read by remark
 * whole, exactly as remark reads it (every question file of the bank is far smaller). Beyond,
 * remark's work on a whole body grows faster than its size (500 quotes or setext headings, each
 * two lines: 0.1 s; three times as many: 0.5 s), so it reads a block at a time.
 */
const WHOLE_BODY_LINES = 600;
const WHOLE_BODY_CHARS = 64 * 1024;

/**
 * Reads a markdown body into an mdast tree (offsets relative to `body`) in time linear in its
 * length. A body in the plain subset goes to the fast reader whole, and a small one within the
 * caps to remark whole. Any other is cut into blocks (`markdown-blocks.ts`), each read by the
 * fast reader when it can, else by remark while the file's budget lasts; a block past a cap of
 * `limits.ts`, or beyond the budget, is read as plain text (`plain-blocks.ts`), and a finding
 * says where and why.
 *
 * Read a block at a time, a tree is the one remark gives for the whole body when the blocks
 * are ordinary markdown (test/parse/bounded-markdown.test.ts); a reference whose definition is
 * in another block, or fenced code left open in a list item, a quote or an HTML block, can be
 * read differently. Only bodies too large for remark whole are read so.
 */
export function readMarkdown(body: string, engine: MarkdownEngine = 'auto'): { root: Root; findings: MarkdownFinding[]; work: MarkdownWork } {
  const cut = lineStart(body, MAX_BODY_LINES);
  if (cut === -1) return readBody(body, engine);
  // Past the cap the lines are one paragraph: a tree of 260,000 bullets alone took 400 MB.
  const read = readBody(body.slice(0, cut), engine);
  const tail = body.slice(cut);
  const lead = tail.length - tail.trimStart().length;
  const content = tail.trim();
  const end = pointAt(body, body.length, MAX_BODY_LINES + 1, cut);
  if (content !== '') {
    const start = pointAt(body, cut + lead, MAX_BODY_LINES + 1, cut);
    const stop = pointAt(body, cut + lead + content.length, MAX_BODY_LINES + 1, cut);
    read.root.children.push({ type: 'paragraph', children: [{ type: 'text', value: content, position: { start, end: stop } }], position: { start, end: stop } });
    read.findings.push({ messageId: 'bodyLines', data: { count: end.line, max: MAX_BODY_LINES }, start: cut + lead, end: cut + lead });
  }
  read.root.position = { start: { line: 1, column: 1, offset: 0 }, end };
  read.work.plainBlocks++;
  return read;
}

function readBody(body: string, engine: MarkdownEngine): { root: Root; findings: MarkdownFinding[]; work: MarkdownWork } {
  const whole = engine === 'auto' ? parseSimpleMarkdown(body) : undefined;
  if (whole) return { root: whole, findings: [], work: { remarkLines: 0, remarkChars: 0, markWork: 0, plainBlocks: 0 } };
  const blocks = splitBlocks(body);
  let lines = 0;
  let markWork = 0;
  for (const block of blocks) {
    lines += block.lines;
    markWork += block.markWork;
  }
  if (lines <= WHOLE_BODY_LINES && body.length <= WHOLE_BODY_CHARS && markWork <= MAX_MARK_WORK && !blocks.some(blockProblem)) {
    return { root: processor.parse(body), findings: [], work: { remarkLines: lines, remarkChars: body.length, markWork, plainBlocks: 0 } };
  }
  return readBlocks(body, blocks, engine);
}

/** Reads a body a block at a time (see `readMarkdown`); exported for the tests of cutting. */
export function readBlocks(body: string, blocks: readonly BodyBlock[] = splitBlocks(body), engine: MarkdownEngine = 'auto'): { root: Root; findings: MarkdownFinding[]; work: MarkdownWork } {
  const work: MarkdownWork = { remarkLines: 0, remarkChars: 0, markWork: 0, plainBlocks: 0 };
  const findings: MarkdownFinding[] = [];
  const children: RootContent[] = [];
  const budget = { lines: MAX_COMPLEX_LINES, chars: MAX_COMPLEX_CHARS, work: MAX_MARK_WORK, reported: false };
  let line = 1;
  let counted = 0; // the offset up to which line breaks are counted into `line`
  for (const [index, block] of blocks.entries()) {
    line += countLineBreaks(body, counted, block.start);
    counted = block.start;
    // Blank lines after a block go with it only at the end of the body, where code still open
    // runs on through them (remark reads a whole body so); elsewhere the next line ends it.
    const text = body.slice(block.start, index === blocks.length - 1 ? block.end : block.contentEnd);
    let nodes: RootContent[];
    // The fast reader takes any block of the plain subset, however long (it is linear).
    const fast = engine === 'auto' ? parseSimpleMarkdown(text) : undefined;
    const problem = fast ? undefined : blockProblem(block);
    if (fast) {
      nodes = fast.children;
      shift(nodes, block.start, line - 1);
    } else if (problem) {
      findings.push(problem);
      work.plainBlocks++;
      nodes = readPlainBlocks(text, line);
      shift(nodes, block.start, 0);
    } else if (block.lines <= budget.lines && text.length <= budget.chars && block.markWork <= budget.work) {
      budget.lines -= block.lines;
      budget.chars -= text.length;
      budget.work -= block.markWork;
      work.remarkLines += block.lines;
      work.remarkChars += text.length;
      work.markWork += block.markWork;
      nodes = processor.parse(text).children;
      shift(nodes, block.start, line - 1);
    } else {
      if (!budget.reported) {
        budget.reported = true;
        const max = `${MAX_COMPLEX_LINES.toLocaleString('en')} lines, ${MAX_COMPLEX_CHARS / 1024} KB and a bounded number of emphasis and link marks`;
        findings.push({ messageId: 'budget', data: { max }, start: block.start, end: lineEnd(body, block.start) });
      }
      work.plainBlocks++;
      nodes = readPlainBlocks(text, line);
      shift(nodes, block.start, 0);
    }
    for (const node of nodes) children.push(node);
  }
  line += countLineBreaks(body, counted, body.length);
  const lastLineStart = body.lastIndexOf('\n') + 1;
  const root: Root = {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: body.length - lastLineStart + 1, offset: body.length } },
  };
  return { root, findings, work };
}

/** The first cap a block goes past, as a finding, when it does. */
function blockProblem(block: BodyBlock): MarkdownFinding | undefined {
  const deep = block.tooDeep;
  if (deep) {
    const max = deep.kind === 'containers' ? MAX_LINE_CONTAINERS : MAX_INDENT_COLUMNS;
    return { messageId: deep.kind, data: { count: deep.count, max }, start: deep.offset, end: deep.end };
  }
  if (block.lines > MAX_BLOCK_LINES) return { messageId: 'blockLines', data: { count: block.lines, max: MAX_BLOCK_LINES }, start: block.start, end: block.start };
  if (block.marks > MAX_BLOCK_MARKS) return { messageId: 'blockMarks', data: { count: block.marks, max: MAX_BLOCK_MARKS }, start: block.start, end: block.start };
  return undefined;
}

