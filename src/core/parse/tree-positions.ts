/** Offsets, lines and points in a body, for readers that put trees of its parts together. */
import type { Node } from 'unist';

/** The offset where 1-based line `line + 1` starts, or -1 when the text has no more lines than `line`. */
export function lineStart(text: string, line: number): number {
  let at = -1;
  for (let count = 0; count < line; count++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return -1;
  }
  return at + 1 < text.length ? at + 1 : -1;
}

/** The point of `offset`, counting lines from `from` (the start of line `line`). */
export function pointAt(text: string, offset: number, line: number, from: number): { line: number; column: number; offset: number } {
  let lineStartAt = from;
  for (let at = text.indexOf('\n', from); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStartAt = at + 1;
  }
  return { line, column: offset - lineStartAt + 1, offset };
}

/** Line breaks in `text` from offset `from` up to `to`. */
export function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** The offset where the line holding `from` ends. */
export function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/**
 * Moves every position in `nodes` by `offset` characters and `lines` lines (a block starts at a
 * line's start, so columns stay). New position objects: readers may share points between nodes.
 */
export function shift(nodes: readonly Node[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Node[] = [...nodes];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const position = node.position;
    if (position) {
      node.position = {
        start: { line: position.start.line + lines, column: position.start.column, offset: (position.start.offset ?? 0) + offset },
        end: { line: position.end.line + lines, column: position.end.column, offset: (position.end.offset ?? 0) + offset },
      };
    }
    const children = (node as { children?: Node[] }).children;
    if (children) for (const child of children) stack.push(child);
  }
}
