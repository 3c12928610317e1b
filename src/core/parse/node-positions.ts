import type { Node } from 'unist';
import type { Span } from '../model/position.js';
import { LineIndex } from './line-index.js';

/**
 * The whole file's text plus where the markdown body starts in it: turns mdast offsets
 * (relative to the body) into file positions, and slices the source of nodes.
 */
export class NodePositions {
  readonly index: LineIndex;

  constructor(
    readonly text: string,
    readonly bodyOffset: number,
  ) {
    this.index = new LineIndex(text);
  }

  /** File offset of a node's start. */
  start(node: Node): number {
    return this.bodyOffset + (node.position?.start.offset ?? 0);
  }

  /** File offset just past a node's end. */
  end(node: Node): number {
    return this.bodyOffset + (node.position?.end.offset ?? 0);
  }

  span(start: number, end: number): Span {
    return this.index.spanAt(start, end);
  }

  nodeSpan(node: Node): Span {
    return this.span(this.start(node), this.end(node));
  }

  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  source(node: Node): string {
    return this.text.slice(this.start(node), this.end(node));
  }
}
