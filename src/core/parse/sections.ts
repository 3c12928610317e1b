import type { Heading, Root, RootContent } from 'mdast';
import type { Section } from '../model/elements.js';
import type { SourceMap } from './source-map.js';

/** A heading with the top-level nodes under it, before the next heading of any depth. */
export interface RawSection {
  section: Section;
  heading: Heading;
  nodes: RootContent[];
}

// The key ends at the first dash (or colon) that has white space on at least one side:
// `core_concepts - Must Mention (60%)`, `main_question -Core`, `metadata`.
const SEPARATOR = /\s+[-–—:]\s*|\s*[-–—]\s+|:\s+/;

/** Splits a heading's text into its key and free-text label. */
export function splitHeading(text: string): { rawKey: string; key: string; label: string | undefined } {
  const match = SEPARATOR.exec(text);
  const rawKey = match ? text.slice(0, match.index) : text;
  const label = match ? text.slice(match.index + match[0].length).trim() : undefined;
  return { rawKey, key: normaliseSectionKey(rawKey), label: label === '' ? undefined : label };
}

/** `Main_Question ` → `main_question`; inner runs of spaces become one underscore. */
export function normaliseSectionKey(rawKey: string): string {
  return rawKey.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Cuts a markdown tree into sections at every top-level heading. */
export function splitSections(
  root: Root,
  source: SourceMap,
  isKnown: (key: string) => boolean,
): { preamble: RootContent[]; sections: RawSection[] } {
  const preamble: RootContent[] = [];
  const sections: RawSection[] = [];
  let current: RawSection | undefined;

  const close = () => {
    if (!current) return;
    const { nodes, section } = current;
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (first && last) {
      const start = source.start(first);
      const end = source.end(last);
      section.contentSpan = source.span(start, end);
      section.content = source.slice(start, end);
    }
    sections.push(current);
  };

  for (const node of root.children) {
    if (node.type === 'heading') {
      close();
      const first = node.children[0];
      const last = node.children[node.children.length - 1];
      const textStart = first ? source.start(first) : source.end(node);
      const textEnd = last ? source.end(last) : source.end(node);
      const text = source.slice(textStart, textEnd).trim();
      const { rawKey, key, label } = splitHeading(text);
      current = {
        heading: node,
        nodes: [],
        section: {
          key,
          rawKey,
          label,
          depth: node.depth,
          known: isKnown(key),
          span: source.nodeSpan(node),
          textSpan: source.span(textStart, textEnd),
          content: '',
        },
      };
    } else if (current) {
      current.nodes.push(node);
    } else {
      preamble.push(node);
    }
  }
  close();
  return { preamble, sections };
}
