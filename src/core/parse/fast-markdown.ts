import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';

/**
 * A fast reader for the plain markdown question files are written in: ATX headings, paragraphs
 * and flat `- ` bullet lists, with a bold label at the start of a paragraph. It builds the same
 * mdast nodes, with the same positions, as remark-parse does for such text, and only what the
 * section builders read. Anything else (code, HTML, quotes, tables, ordered or nested lists,
 * setext headings, tricky emphasis…) makes it return undefined, and remark parses the file.
 * Tests check it against remark on the bank, the seeds, a generated corpus and random files.
 */
export function parseSimpleMarkdown(body: string): Root | undefined {
  const lines = splitLines(body);
  for (const line of lines) if (!eligible(line.text)) return undefined;

  const children: RootContent[] = [];
  let paragraph: Block | undefined; // open top-level or item paragraph
  let list: List | undefined;
  let item: ListItem | undefined;
  let blankBefore = false;

  const closeParagraph = (): boolean => {
    if (!paragraph) return true;
    const node = paragraphNode(paragraph, body);
    paragraph = undefined;
    if (!node) return false;
    if (item) item.children.push(node);
    else children.push(node);
    return true;
  };
  const closeItem = () => {
    if (item && list) {
      const last = item.children[item.children.length - 1];
      if (last?.position) item.position = { start: item.position!.start, end: last.position.end };
      list.children.push(item);
    }
    item = undefined;
  };
  const closeList = () => {
    closeItem();
    if (list) {
      const first = list.children[0];
      const last = list.children[list.children.length - 1];
      if (first?.position && last?.position) {
        list.position = { start: first.position.start, end: last.position.end };
        list.spread = list.children.some((i) => i.spread) || list.spread;
        children.push(list);
      }
    }
    list = undefined;
  };

  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') {
      if (!closeParagraph()) return undefined;
      blankBefore = true;
      continue;
    }
    const heading = /^(#{1,6})(?: +|$)/.exec(text);
    if (heading) {
      if (!closeParagraph()) return undefined;
      closeList();
      children.push(headingNode(line, heading[1]!.length, heading[0].length));
      blankBefore = false;
      continue;
    }
    const bullet = /^- +/.exec(text);
    if (bullet) {
      if (!closeParagraph()) return undefined;
      if (list && blankBefore) list.spread = true;
      closeItem();
      if (!list) list = { type: 'list', ordered: false, start: null, spread: false, children: [] };
      item = { type: 'listItem', spread: false, checked: null, children: [], position: { start: point(line, 0), end: point(line, text.length) } };
      const contentAt = bullet[0].length;
      paragraph = { lines: [{ line, from: contentAt }] };
      blankBefore = false;
      continue;
    }
    const indent = /^ */.exec(text)![0].length;
    if (paragraph && !blankBefore) {
      // A continuation line (lazy or indented) of the open paragraph.
      paragraph.lines.push({ line, from: indent });
    } else if (item && blankBefore && indent >= 2) {
      // A further paragraph inside the open list item.
      item.spread = true;
      paragraph = { lines: [{ line, from: indent }] };
    } else {
      closeList();
      paragraph = { lines: [{ line, from: indent }] };
    }
    blankBefore = false;
  }
  if (!closeParagraph()) return undefined;
  closeList();
  const end = lines.length > 0 ? point(lines[lines.length - 1]!, lines[lines.length - 1]!.text.length) : { line: 1, column: 1, offset: 0 };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: { ...end, offset: body.length } } };
}

interface Line {
  text: string;
  /** Offset of the line's first character in the body. */
  offset: number;
  /** 1-based line number in the body. */
  number: number;
}

interface Block {
  lines: Array<{ line: Line; from: number }>;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  let number = 1;
  for (const text of body.split('\n')) {
    lines.push({ text, offset, number: number++ });
    offset += text.length + 1;
  }
  return lines;
}

function point(line: Line, column0: number) {
  return { line: line.number, column: column0 + 1, offset: line.offset + column0 };
}

// Constructs the fast reader does not handle; remark takes the file.
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const THEMATIC_OR_SETEXT = /^ {0,3}(?:(?:[-*_] *){3,}|=+ *|-+ *)$/;
const OTHER_LIST = /^ *(?:[*+]|\d{1,9}[.)])(?: |$)/;
const INDENTED_BULLET = /^ +-(?: |$)/;
const EMPTY_OR_WIDE_BULLET = /^-(?:\s*$| {2,})/;
const BAD_HEADING = /^ {1,3}#|^#{1,6}(?: .*)?#\s*$|^#{7,}/;
const REFERENCE = /^ {0,3}\[[^\]]*\]:/;
// A bullet whose text opens another block (a nested list, a quote, a heading, a fence, HTML, a rule).
const BULLET_OPENING_BLOCK = /^- +(?:[>#<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|(?:[-*_][ \t]*){3,}$)/;

function eligible(text: string): boolean {
  if (text.includes('\t') || text.includes('\r')) return false;
  const first = text.trimStart().charAt(0);
  if (first === '<' || first === '>' || first === '|') return false;
  if (/^ {4,}/.test(text)) return false;
  return !(
    FENCE.test(text) ||
    THEMATIC_OR_SETEXT.test(text) ||
    OTHER_LIST.test(text) ||
    INDENTED_BULLET.test(text) ||
    EMPTY_OR_WIDE_BULLET.test(text) ||
    BAD_HEADING.test(text) ||
    REFERENCE.test(text) ||
    BULLET_OPENING_BLOCK.test(text)
  );
}

function headingNode(line: Line, depth: number, markerLength: number): Heading {
  const rest = line.text.slice(markerLength);
  const trimmed = rest.trimEnd();
  const children: PhrasingContent[] =
    trimmed === ''
      ? []
      : [{ type: 'text', value: trimmed, position: { start: point(line, markerLength), end: point(line, markerLength + trimmed.length) } }];
  return { type: 'heading', depth: depth as Heading['depth'], children, position: { start: point(line, 0), end: point(line, line.text.length) } };
}

const PLAIN_LABEL = /^[^\s*_`\\&<[\]!]([^*_`\\&<[\]]*[^\s*_`\\&<[\]!])?$/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/** A paragraph node, its leading `**label**` as a strong node; undefined when emphasis is unclear. */
function paragraphNode(block: Block, body: string): Paragraph | undefined {
  const first = block.lines[0]!;
  const last = block.lines[block.lines.length - 1]!;
  const start = point(first.line, first.from);
  const end = point(last.line, last.line.text.length);
  const source = body.slice(start.offset, end.offset);
  // Inline markup that could change where a leading label ends is left to remark.
  const children: PhrasingContent[] = [];
  if (source.startsWith('__')) return undefined;
  if (source.startsWith('**')) {
    const close = source.indexOf('**', 2);
    if (close === -1) return undefined;
    const label = source.slice(2, close);
    if (!PLAIN_LABEL.test(label) || label.includes('\n')) return undefined;
    const after = source.charAt(close + 2);
    const before = source.charAt(close - 1);
    // A closing run after punctuation and before a letter is not right-flanking: not bold.
    if (PUNCTUATION.test(before) && after !== '' && !/\s/.test(after) && !PUNCTUATION.test(after)) return undefined;
    const strongEnd = start.offset + close + 2;
    children.push({
      type: 'strong',
      children: [{ type: 'text', value: label }],
      position: { start, end: { line: first.line.number, column: strongEnd - first.line.offset + 1, offset: strongEnd } },
    });
    if (close + 2 < source.length) children.push({ type: 'text', value: source.slice(close + 2) });
  } else {
    children.push({ type: 'text', value: source });
  }
  return { type: 'paragraph', children, position: { start, end } };
}
