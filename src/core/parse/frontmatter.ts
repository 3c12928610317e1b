import matter from 'gray-matter';
import { LineCounter, parseDocument, isCollection, isMap, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import type { Span } from '../model/position.js';
import { START_OF_FILE } from '../model/position.js';
import type { ParseFact } from './facts.js';
import { checkFrontmatterKeys, flowDepthPastCap } from './frontmatter-keys.js';
import { LineIndex } from './line-index.js';
import { MAX_FRONTMATTER_CHARS, MAX_FRONTMATTER_DEPTH, MAX_FRONTMATTER_KEYS } from './limits.js';
import { yamlPathRange } from './yaml-paths.js';

/** What the frontmatter block of a file holds, with a way to locate any key in it. */
export interface FrontmatterBlock {
  /** Whether the file opens with a `---` block. */
  present: boolean;
  /** The YAML data, or undefined when there is none or it could not be read. */
  data: Record<string, unknown> | undefined;
  /** Offset in the text where the markdown body starts. */
  bodyOffset: number;
  /** What reading the block saw (a YAML error, a cap it went past). */
  facts: ParseFact[];
  /** The span of the key at `path` (nested paths included); the opening `---` when absent. */
  locate(path: readonly PropertyKey[]): Span;
  /** The span of the value of the top-level `key` alone (quotes included), when it has one. */
  locateValue?(key: string): Span | undefined;
  /** The closing `---` line, where a missing key would be added; absent when the block is not closed. */
  closing?: Span;
}

class ForbiddenLanguage extends Error {
  constructor(readonly language: string) {
    super(`frontmatter language ${language}`);
  }
}

const forbid = (language: string) => () => {
  throw new ForbiddenLanguage(language);
};

// Every non-YAML engine gray-matter knows is replaced by one that refuses: nothing in a
// question file is ever evaluated.
const REFUSING_ENGINES = {
  javascript: forbid('javascript'),
  js: forbid('js'),
  coffee: forbid('coffee'),
  coffeescript: forbid('coffeescript'),
  cson: forbid('cson'),
  json: forbid('json'),
  toml: forbid('toml'),
};

/** YAML keeps at most this many alias expansions, so `&a [*a, *a]` bombs stay small. */
const MAX_ALIAS_COUNT = 100;

/** Reads the frontmatter of a normalised question file. Never throws. */
export function readFrontmatter(text: string): FrontmatterBlock {
  const facts: ParseFact[] = [];
  const lineCounter = new LineCounter();
  let document: Document.Parsed | undefined;
  const noDocument: FrontmatterBlock = {
    present: false,
    data: undefined,
    bodyOffset: 0,
    facts,
    locate: () => START_OF_FILE,
  };

  if (!/^---[^-]?/.test(text) || text.startsWith('----')) {
    facts.push({ fact: 'frontmatter-absent', span: START_OF_FILE, data: {} });
    return noDocument;
  }

  const firstLineEnd = text.indexOf('\n');
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  const language = firstLine.slice(3).trim();
  if (language !== '' && language.toLowerCase() !== 'yaml' && language.toLowerCase() !== 'yml') {
    facts.push(forbiddenLanguage(language, firstLine.length));
    return { ...noDocument, present: true, bodyOffset: bodyStart(text) };
  }

  // Without its closing line the whole file would be read as YAML, and every line of markdown
  // would be a YAML error: the one real problem is the missing line.
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(firstLine.length));
  if (!closing) {
    facts.push({ fact: 'frontmatter-unclosed', span: START_OF_FILE, data: {} });
    return { ...noDocument, present: true, bodyOffset: text.length };
  }
  const closingLine = text.slice(0, firstLine.length + closing.index + 1).split('\n').length;
  // The YAML library reads about a megabyte a second, and recurses once per level of `[` and
  // `{`: a frontmatter past these caps is refused unread.
  const yamlSource = text.slice(firstLine.length, firstLine.length + closing.index);
  const tooDeep = yamlSource.length > MAX_FRONTMATTER_CHARS ? MAX_FRONTMATTER_CHARS : flowDepthPastCap(yamlSource);
  if (tooDeep !== undefined) {
    const at = new LineIndex(text).positionAt(firstLine.length + tooDeep);
    const [limit, values] = yamlSource.length > MAX_FRONTMATTER_CHARS
      ? ['frontmatterSize', { count: Math.ceil(yamlSource.length / 1024), max: MAX_FRONTMATTER_CHARS / 1024 }] as const
      : ['frontmatterDepth', { max: MAX_FRONTMATTER_DEPTH }] as const;
    facts.push({ fact: 'over-limit', span: { start: at, end: { line: at.line, column: at.column + 1 } }, data: { limit, values } });
    return { ...noDocument, present: true, bodyOffset: firstLine.length + closing.index + closing[0].length };
  }

  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        ...REFUSING_ENGINES,
        yaml: (source: string) => {
          // Repeated keys are found by checkFrontmatterKeys, in linear time (the library's check is quadratic).
          document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: false });
          return {};
        },
      },
    });
  } catch (error) {
    if (error instanceof ForbiddenLanguage) {
      facts.push(forbiddenLanguage(error.language, firstLine.length));
      return { ...noDocument, present: true, bodyOffset: bodyStart(text) };
    }
    throw error;
  } finally {
    // gray-matter memoises by content when called without options; make sure nothing is kept.
    (matter as unknown as { clearCache?: () => void }).clearCache?.();
  }

  const bodyOffset = text.length - parsed.content.length;

  const span = (start: number, end: number): Span => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    return { start: { line: a.line, column: a.col }, end: { line: b.line, column: b.col } };
  };

  let data: Record<string, unknown> | undefined = {};
  if (document) {
    for (const error of document.errors) {
      const [start, end] = error.pos;
      facts.push({ fact: 'yaml-error', span: span(start, end), data: { message: error.message } });
    }
    const keys = checkFrontmatterKeys(document);
    for (const at of keys.duplicates) facts.push({ fact: 'yaml-duplicate-key', span: span(at, at + 1), data: {} });
    if (keys.pastCap !== undefined) {
      facts.push({ fact: 'over-limit', span: span(keys.pastCap, keys.pastCap + 1), data: { limit: 'frontmatterKeys', values: { max: MAX_FRONTMATTER_KEYS } } });
    }
    const unread = document.errors.length > 0 || keys.duplicates.length > 0 || keys.pastCap !== undefined;
    const collectionKeys = unread ? [] : keysThatAreCollections(document);
    for (const key of collectionKeys) {
      const [start, end] = key.range ?? [0, 0];
      facts.push({ fact: 'yaml-collection-key', span: span(start, end), data: { collection: isMap(key) ? 'mapping' : 'list' } });
    }
    if (unread || collectionKeys.length > 0) {
      data = undefined;
    } else {
      try {
        const value: unknown = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
        if (value === null || value === undefined) data = {};
        else if (typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
        else {
          facts.push({ fact: 'yaml-not-mapping', span: START_OF_FILE, data: {} });
          data = undefined;
        }
      } catch (error) {
        facts.push({ fact: 'yaml-unconvertible', span: START_OF_FILE, data: { message: (error as Error).message } });
        data = undefined;
      }
    }
  }

  const locate = (path: readonly PropertyKey[]): Span => {
    const range = document ? yamlPathRange(document, path) : undefined;
    return range ? span(range[0], range[1]) : START_OF_FILE;
  };

  const locateValue = (key: string): Span | undefined => {
    const contents = document?.contents;
    if (!isMap(contents)) return undefined;
    for (const item of contents.items) {
      if (!isPair(item) || !isScalar(item.key) || String(item.key.value) !== key) continue;
      const value = item.value as Node | null;
      return value?.range ? span(value.range[0], value.range[1]) : undefined;
    }
    return undefined;
  };

  const closingSpan: Span = { start: { line: closingLine, column: 1 }, end: { line: closingLine, column: 4 } };
  return { present: true, data, bodyOffset, facts, locate, locateValue, closing: closingSpan };
}

/** Keys written as a list or mapping (`[a, b]: 1`, `? {a: 1}`), which a JS object cannot hold. */
function keysThatAreCollections(document: Document.Parsed): Node[] {
  const found: Node[] = [];
  visit(document, {
    Pair(_key, pair) {
      if (isCollection(pair.key)) found.push(pair.key);
    },
  });
  return found;
}

/** A `---js` (or other language) opening line: the language, where it is written. */
function forbiddenLanguage(language: string, width: number): ParseFact {
  return { fact: 'frontmatter-language', span: { start: { line: 1, column: 4 }, end: { line: 1, column: width + 1 } }, data: { language } };
}

/** Where the body starts when the frontmatter is not YAML: after the closing `---`, or the end. */
function bodyStart(text: string): number {
  const match = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  return match ? 3 + match.index + match[0].length : text.length;
}
