import type { Heading, Paragraph, RootContent } from 'mdast';

/**
 * Reads a block of markdown as plain text, in linear time: ATX headings (`## key - label`) as
 * headings, every other run of non-blank lines as one paragraph of text. This is how a block
 * too complex for remark is read (a `file-too-complex` error says so), so that the sections
 * around it, and positions in it, still hold. Offsets are relative to `text`; `line` is the
 * 1-based line of its first character.
 */
export function readPlainBlocks(text: string, line = 1): RootContent[] {
  const nodes: RootContent[] = [];
  let paragraph: { start: Point; end: Point } | undefined;
  const close = () => {
    if (!paragraph) return;
    const { start, end } = paragraph;
    const node: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: text.slice(start.offset, end.offset), position: { start, end } }],
      position: { start, end },
    };
    nodes.push(node);
    paragraph = undefined;
  };
  let number = line;
  for (let start = 0; start <= text.length; number++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    const lead = content.length - content.trimStart().length;
    const trail = content.trimEnd().length;
    const point = (column0: number): Point => ({ line: number, column: column0 + 1, offset: start + column0 });
    if (trail === 0) {
      close();
    } else {
      const heading = lead <= 3 ? /^(#{1,6})(?:[ \t]+|$)/.exec(content.slice(lead)) : null;
      if (heading) {
        close();
        nodes.push(headingNode(content, lead, heading[1]!.length, heading[0].length, point));
      } else if (paragraph) {
        paragraph.end = point(trail);
      } else {
        paragraph = { start: point(lead), end: point(trail) };
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  close();
  return nodes;
}

interface Point {
  line: number;
  column: number;
  offset: number;
}

function headingNode(content: string, lead: number, depth: number, markerLength: number, point: (column0: number) => Point): Heading {
  const from = lead + markerLength;
  const body = withoutClosingRun(content.slice(from).trimEnd());
  const children: Heading['children'] =
    body === '' ? [] : [{ type: 'text', value: body, position: { start: point(from), end: point(from + body.length) } }];
  return { type: 'heading', depth: depth as Heading['depth'], children, position: { start: point(lead), end: point(content.trimEnd().length) } };
}

/** A heading's text without its closing run of `#` (which follows a space, or is all there is). */
function withoutClosingRun(text: string): string {
  let at = text.length;
  while (at > 0 && text.charAt(at - 1) === '#') at--;
  if (at === text.length) return text;
  if (at === 0) return '';
  const before = text.charAt(at - 1);
  return before === ' ' || before === '\t' ? text.slice(0, at).trimEnd() : text;
}
