import type { ListItem, Paragraph, PhrasingContent, RootContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Bullet, Concept, KeywordGroup, TextBlock } from '../model/elements.js';
import type { Span } from '../model/position.js';
import { readConceptProbes, type ConceptBody } from './concept-probes.js';
import type { NodePositions } from './node-positions.js';
import { unquote } from './unquote.js';

export { unquote };

/** The nodes of a section as one block of text, quotes removed. Undefined when empty. */
export function readTextBlock(nodes: readonly RootContent[], source: NodePositions): TextBlock | undefined {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return undefined;
  const start = source.start(first);
  const end = source.end(last);
  const { text, quoted } = unquote(source.slice(start, end));
  return { text, quoted, span: source.span(start, end) };
}

/** A `**Key**: value` at the start of a paragraph (or `**Key:** value`). */
export interface LabelledField {
  key: string;
  value: string;
  span: Span;
  keySpan: Span;
  valueSpan: Span;
  /** File offset where the value starts, for splitting it into located items. */
  valueOffset: number;
}

/**
 * Reads `**Key**: value` from a paragraph; `until` is the node whose end closes the value, unless
 * `end` (a file offset) closes it sooner.
 */
export function readLabelledField(
  paragraph: Paragraph,
  source: NodePositions,
  until: RootContent | ListItem = paragraph,
  end = source.end(until),
): LabelledField | undefined {
  const strong = leadingStrong(paragraph.children);
  if (!strong) return undefined;
  let key = toString(strong).trim();
  const keyEndsWithColon = key.endsWith(':');
  if (keyEndsWithColon) key = key.slice(0, -1).trim();
  let offset = source.end(strong);
  const rest = source.slice(offset, end);
  const colon = /^\s*:/.exec(rest);
  if (!colon && !keyEndsWithColon) return undefined;
  offset += colon ? colon[0].length : 0;
  const lead = /^\s*/.exec(source.slice(offset, end))?.[0].length ?? 0;
  offset += lead;
  const value = source.slice(offset, end).trimEnd();
  return {
    key,
    value,
    span: source.span(source.start(until), end),
    keySpan: source.nodeSpan(strong),
    valueSpan: source.span(offset, offset + value.length),
    valueOffset: offset,
  };
}

function leadingStrong(children: readonly PhrasingContent[]): Strong | undefined {
  const first = children[0];
  return first?.type === 'strong' ? first : undefined;
}

/** Every list item of the top-level lists among `nodes`, and the nodes that are not lists. */
export function listItems(nodes: readonly RootContent[]): { items: ListItem[]; other: RootContent[] } {
  const items: ListItem[] = [];
  const other: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'list') for (const item of node.children) items.push(item);
    else other.push(node);
  }
  return { items, other };
}

/** The text of a list item as markdown source, without the bullet marker. */
export function itemSource(item: ListItem, source: NodePositions): { text: string; start: number; end: number } {
  const first = item.children[0];
  const start = first ? source.start(first) : source.end(item);
  const end = source.end(item);
  return { text: source.slice(start, end).trim(), start, end };
}

/** Plain bullets: `- text`. */
export function readBullets(items: readonly ListItem[], source: NodePositions): Bullet[] {
  return items.map((item) => {
    const { text } = itemSource(item, source);
    return { text, span: source.nodeSpan(item) };
  });
}

/** A concept bullet written without a bold name: `- Name: description`, or a plain sentence. */
export interface LooseConcept {
  item: ListItem;
  concept: Concept;
  /** `named`: the text before the first colon is the name; `sentence`: the whole bullet is. */
  form: 'named' | 'sentence';
}

/** The longest name read from a `- Name: description` bullet; more words make it a sentence. */
const MAX_NAME_WORDS = 8;

/**
 * Concept bullets: `- **Name**: description`, and the looser forms real files use. `- Name:
 * description` (a short name before the first colon) is read the same way; a plain sentence is
 * a concept whose name and description are both the sentence, so that the scorer can credit an
 * answer that says it in other words, as it does for bar-raiser bullets.
 */
export function readConcepts(
  items: readonly ListItem[],
  source: NodePositions,
): { concepts: Concept[]; loose: LooseConcept[] } {
  const concepts: Concept[] = [];
  const loose: LooseConcept[] = [];
  for (const item of items) {
    const bold = readBoldConcept(item, source);
    if (bold) {
      concepts.push(bold);
      continue;
    }
    const { concept, form } = readLooseConcept(item, source);
    concepts.push(concept);
    loose.push({ item, concept, form });
  }
  return { concepts, loose };
}

/**
 * `- **Name**: description`, or `- **Name**` with no colon; undefined without a leading bold name.
 * `Probe:` lines under the bullet are its probe, never part of the description.
 */
export function readBoldConcept(item: ListItem, source: NodePositions): Concept | undefined {
  const paragraph = item.children[0];
  if (paragraph?.type !== 'paragraph') return undefined;
  const strong = leadingStrong(paragraph.children);
  if (!strong) return undefined;
  const body = readConceptProbes(source, source.start(paragraph), source.end(item));
  const field = readLabelledField(paragraph, source, item, body.end);
  if (field) return withProbes({ name: field.key, description: field.value, span: source.nodeSpan(item), nameSpan: field.keySpan }, body);
  // `- **Name**` with no colon: a concept with no description.
  return withProbes({
    name: toString(strong).trim(),
    description: source.slice(source.end(strong), body.end).trim(),
    span: source.nodeSpan(item),
    nameSpan: source.nodeSpan(strong),
  }, body);
}

/** The concept with its first probe, and any further ones for lint to report. */
function withProbes(concept: Concept, body: ConceptBody): Concept {
  const [probe, ...extra] = body.probes;
  if (probe) concept.probe = probe;
  if (extra.length > 0) concept.extraProbes = extra;
  return concept;
}

function readLooseConcept(item: ListItem, source: NodePositions): { concept: Concept; form: LooseConcept['form'] } {
  const whole = itemSource(item, source);
  const body = readConceptProbes(source, whole.start, whole.end);
  const text = source.slice(whole.start, body.end).trim();
  const { start } = whole;
  const end = body.probes.length > 0 ? start + text.length : whole.end;
  const span = source.nodeSpan(item);
  // The first colon on the first line, followed by white space or the end: `3:1` and `https:` are not names.
  const firstLine = text.split('\n', 1)[0] ?? '';
  const colon = firstLine.indexOf(':');
  const rawName = colon > 0 ? text.slice(0, colon) : '';
  const name = plainInline(rawName);
  const words = name.split(/\s+/).filter(Boolean).length;
  if (colon > 0 && /^(\s|$)/.test(text.slice(colon + 1)) && words > 0 && words <= MAX_NAME_WORDS) {
    const nameEnd = start + rawName.trimEnd().length;
    return {
      concept: withProbes({ name, description: text.slice(colon + 1).trim(), span, nameSpan: source.span(start, nameEnd) }, body),
      form: 'named',
    };
  }
  return { concept: withProbes({ name: text, description: text, span, nameSpan: source.span(start, end) }, body), form: 'sentence' };
}

/** A located piece of a comma-separated value. */
export interface LocatedItem {
  text: string;
  start: number;
  end: number;
}

/**
 * Splits on commas and semicolons outside parentheses and brackets (a comma grouping digits,
 * as in `10,000`, does not split); trims; drops empty pieces.
 */
export function splitItems(value: string, baseOffset = 0): LocatedItem[] {
  const items: LocatedItem[] = [];
  let depth = 0;
  let pieceStart = 0;
  const push = (end: number) => {
    const raw = value.slice(pieceStart, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') items.push({ text, start: baseOffset + pieceStart + lead, end: baseOffset + pieceStart + lead + text.length });
  };
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if ((ch === ',' || ch === ';') && depth === 0 && !(ch === ',' && /\d/.test(value[i - 1] ?? '') && /^\d{3}(?!\d)/.test(value.slice(i + 1, i + 5)))) {
      push(i);
      pieceStart = i + 1;
    }
  }
  push(value.length);
  return items;
}

/** Strips inline markdown marks from a short piece of text (`**x**`, `` `x` ``, `_x_`). */
export function plainInline(text: string): string {
  return text.replace(/[*`]+/g, '').replace(/(^|\s)_+|_+(\s|$)/g, '$1$2').trim();
}

/** Keyword lines: `- Label: a, b, c`. A line with no colon is one unlabelled group. */
export function readKeywordGroups(items: readonly ListItem[], source: NodePositions): KeywordGroup[] {
  return items.map((item) => {
    const { text, start } = itemSource(item, source);
    const colon = text.indexOf(':');
    const hasLabel = colon > 0 && colon <= 60 && !text.slice(0, colon).includes(',');
    const label = hasLabel ? plainInline(text.slice(0, colon)) : undefined;
    const valueStart = hasLabel ? colon + 1 : 0;
    const keywords = splitItems(text.slice(valueStart), start + valueStart)
      .map((piece) => ({ text: plainInline(piece.text), span: source.span(piece.start, piece.end) }))
      .filter((keyword) => keyword.text !== '');
    return { label, keywords, span: source.nodeSpan(item) };
  });
}

/** `- **Key**: value` bullets and `**Key**: value` paragraphs among `nodes`, in order. */
export function readFields(
  nodes: readonly RootContent[],
  source: NodePositions,
): { fields: LabelledField[]; other: RootContent[] } {
  const fields: LabelledField[] = [];
  const other: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'paragraph') {
      const field = readLabelledField(node, source);
      if (field) fields.push(field);
      else other.push(node);
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const paragraph = item.children[0];
        const field = paragraph?.type === 'paragraph' ? readLabelledField(paragraph, source, item) : undefined;
        if (field) fields.push(field);
        else other.push(item as unknown as RootContent);
      }
    } else {
      other.push(node);
    }
  }
  return { fields, other };
}

/** `Looking for` → `looking_for`. */
export function snakeKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}
