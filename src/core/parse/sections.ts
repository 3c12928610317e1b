import type { Heading, Root, RootContent } from 'mdast';
import type { Section } from '../model/elements.js';
import type { NodePositions } from './node-positions.js';

/** A heading with the top-level nodes under it, before the next heading of any depth. */
export interface RawSection {
  section: Section;
  heading: Heading;
  nodes: RootContent[];
}

/** Splits a heading's text into its key and free-text label. */
export function splitHeading(text: string): { rawKey: string; key: string; label: string | undefined } {
  const match = separator(text);
  const rawKey = match ? text.slice(0, match.start) : text;
  const label = match ? text.slice(match.end).trim() : undefined;
  return { rawKey, key: normaliseSectionKey(rawKey), label: label === '' ? undefined : label };
}

const DASHES = new Set(['-', '–', '—']);
const isSpace = (ch: string) => ch !== '' && /\s/.test(ch);

/**
 * Where the key ends: at the first dash (or colon) that has white space on at least one side
 * (`core_concepts - Must Mention (60%)`, `main_question -Core`, `key: label`), the white space
 * around it included; what `/\s+[-–—:]\s*|\s*[-–—]\s+|:\s+/` finds, in one pass (the pattern
 * retried at every space of a long run: 100,000 spaces in a heading took 16 s).
 */
function separator(text: string): { start: number; end: number } | undefined {
  let spaceStart = -1; // where the run of white space just before `at` starts
  for (let at = 0; at < text.length; at++) {
    const ch = text.charAt(at);
    if (isSpace(ch)) {
      if (spaceStart === -1) spaceStart = at;
      continue;
    }
    const spaceBefore = spaceStart !== -1;
    const start = spaceBefore ? spaceStart : at;
    spaceStart = -1;
    if (!DASHES.has(ch) && ch !== ':') continue;
    let end = at + 1;
    while (end < text.length && isSpace(text.charAt(end))) end++;
    if (spaceBefore || end > at + 1) return { start, end };
  }
  return undefined;
}

/** `Main_Question ` → `main_question`; inner runs of spaces become one underscore. */
export function normaliseSectionKey(rawKey: string): string {
  return rawKey.trim().toLowerCase().replace(/\s+/g, '_');
}

/** Cuts a markdown tree into sections at every top-level heading. */
export function splitSections(
  root: Root,
  source: NodePositions,
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
