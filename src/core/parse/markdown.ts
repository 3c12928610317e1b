import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { parseSimpleMarkdown } from './fast-markdown.js';

const processor = unified().use(remarkParse).freeze();

/** Which markdown reader to use: the fast one when the text allows it (`auto`), or always remark. */
export type MarkdownEngine = 'auto' | 'remark';

/** Parses a markdown body into an mdast tree with offsets relative to `body`. */
export function parseMarkdown(body: string, engine: MarkdownEngine = 'auto'): Root {
  return (engine === 'auto' ? parseSimpleMarkdown(body) : undefined) ?? processor.parse(body);
}
