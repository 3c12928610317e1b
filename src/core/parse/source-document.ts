import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { Position } from '../model/position.js';
import { LineIndex } from './line-index.js';
import { yamlPathRange } from './yaml-paths.js';

/**
 * A YAML or JSON input (a config file, `scoring.yaml`, a plan, one document of a script) read
 * from its already-read text: the value, and the place of any path of keys in the text, taken
 * from the YAML document or the JSON syntax tree.
 */
export interface SourceDocument {
  format: 'YAML' | 'JSON';
  /** The data; undefined when the text does not parse. */
  value: unknown;
  /** The first syntax error, in words, and where it is (absent for an empty JSON file). */
  syntax?: { reason: string; position?: Position };
  /** Where the key (or list item) at `path` starts; its deepest part that exists; the start of the value for `[]`. */
  locate(path: readonly PropertyKey[]): Position;
}

/** How deep aliases may expand (a "billion laughs" file stays small). */
const MAX_ALIAS_COUNT = 100;

/** Lower-cases the first letter, for a reason shown in parentheses. */
const reasonText = (text: string): string => `${text.charAt(0).toLowerCase()}${text.slice(1)}`;

/**
 * Reads YAML text. `firstLine` is the line the text starts on in its file (a document of a
 * stream), so positions count from the top of the file.
 */
export function readYamlSource(text: string, firstLine = 1): SourceDocument {
  const lines = new LineIndex(text);
  const at = (offset: number): Position => {
    const { line, column } = lines.positionAt(offset);
    return { line: line + firstLine - 1, column };
  };
  const document = parseDocument(text, { prettyErrors: false });
  const start = (document.contents?.range?.[0] ?? 0);
  const locate = (path: readonly PropertyKey[]): Position => at(yamlPathRange(document, path)?.[0] ?? start);
  const [error] = document.errors;
  if (error) return { format: 'YAML', value: undefined, syntax: { reason: reasonText(error.message.split('\n')[0] ?? ''), position: at(error.pos[0]) }, locate };
  try {
    return { format: 'YAML', value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), locate };
  } catch (failure) {
    return { format: 'YAML', value: undefined, syntax: { reason: reasonText((failure as Error).message.split('\n')[0] ?? ''), position: at(start) }, locate };
  }
}

/** jsonc-parser's error code in words: `CommaExpected` → "comma expected". */
function describeParseError(code: ParseErrorCode): string {
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads JSON with comments and trailing commas (as VS Code settings and markdownlint-cli2 take it). */
export function readJsoncSource(raw: string): SourceDocument {
  const text = raw.replace(/^\uFEFF/, '');
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const locate = (path: readonly PropertyKey[]): Position => {
    if (!tree) return { line: 1, column: 1 };
    for (let depth = path.length; depth > 0; depth--) {
      const node = findNodeAtLocation(tree, path.slice(0, depth) as Array<string | number>);
      if (!node) continue;
      // A property's value: point at its key, as an editor would.
      const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return lines.positionAt((key ?? node).offset);
    }
    return lines.positionAt(tree.offset);
  };
  const [error] = errors;
  if (error) return { format: 'JSON', value: undefined, syntax: { reason: describeParseError(error.error), position: lines.positionAt(error.offset) }, locate };
  if (!tree) return { format: 'JSON', value: undefined, syntax: { reason: 'the file is empty' }, locate };
  return { format: 'JSON', value: getNodeValue(tree) as unknown, locate };
}
