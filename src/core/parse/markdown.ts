import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).freeze();

/** Parses a markdown body into an mdast tree with offsets relative to `body`. */
export function parseMarkdown(body: string): Root {
  return processor.parse(body);
}
