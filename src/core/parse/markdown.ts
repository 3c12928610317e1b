import type { Root } from 'mdast';
import { readMarkdown, type MarkdownEngine } from './bounded-markdown.js';

export { readMarkdown, type MarkdownEngine, type MarkdownFinding, type MarkdownWork } from './bounded-markdown.js';

/** Parses a markdown body into an mdast tree with offsets relative to `body` (in bounded time: see `readMarkdown`). */
export function parseMarkdown(body: string, engine: MarkdownEngine = 'auto'): Root {
  return readMarkdown(body, engine).root;
}
