import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import { validateLintConfig, type ConfigProblem } from '../core/lint/config.js';
import type { RuleSetting } from '../core/lint/settings.js';

/** The names a lint config file may have, looked for from the working folder upwards (`findLintConfig`). */
export const CONFIG_FILE_NAMES = ['qbank.config.json', '.qbankrc.json'] as const;

/** A config file that cannot be used; the message names the file, line and column. */
export class LintConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LintConfigError';
  }
}

/** Rule settings from a config file, and the file they came from. */
export interface LintConfig {
  file: string | undefined;
  rules: Record<string, RuleSetting>;
  /** How the file was chosen, or where none was found, in words (for `lint --debug`). */
  origin: string;
}

/** Where a config search looked: from the working folder up to `boundary`, and what it found. */
export interface ConfigSearch {
  file: string | undefined;
  from: string;
  /** The last folder looked in. */
  boundary: string;
  /** Why the search stopped there. */
  stop: 'the repository root' | 'the bank folder' | 'the working folder';
}

/**
 * The nearest config file from `cwd` up to the repository root (the nearest folder holding
 * `.git`, a folder or a worktree's file); outside a repository, up to the outermost of
 * `bankDirs` that holds `cwd`, else in `cwd` only. A file in a parent of the project, such as a
 * stray one in /tmp or the home folder, never changes a lint (ESLint's flat config and
 * markdownlint-cli2 do not look there either).
 */
export function findLintConfig(cwd: string, bankDirs: readonly string[] = []): ConfigSearch {
  const from = path.resolve(cwd);
  const { boundary, stop } = searchBoundary(from, bankDirs);
  for (let dir = from; ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return { file: candidate, from, boundary, stop };
    }
    if (dir === boundary || path.dirname(dir) === dir) return { file: undefined, from, boundary, stop };
  }
}

function searchBoundary(from: string, bankDirs: readonly string[]): Pick<ConfigSearch, 'boundary' | 'stop'> {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return { boundary: dir, stop: 'the repository root' };
    if (path.dirname(dir) === dir) break;
  }
  const holding = bankDirs.map((dir) => path.resolve(from, dir)).filter((dir) => isWithin(from, dir));
  const outermost = holding.sort((a, b) => a.length - b.length)[0];
  return outermost ? { boundary: outermost, stop: 'the bank folder' } : { boundary: from, stop: 'the working folder' };
}

function isWithin(dir: string, ancestor: string): boolean {
  const relative = path.relative(ancestor, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Loads `explicit` (a `--config` path) or the nearest config file (`findLintConfig`, bounded by
 * the repository or `bankDirs`); no file means default settings.
 */
export async function loadLintConfig(cwd: string, explicit?: string, bankDirs: readonly string[] = []): Promise<LintConfig> {
  let file: string | undefined;
  let origin: string;
  if (explicit) {
    file = path.resolve(cwd, explicit);
    origin = 'given with --config';
  } else {
    const search = findLintConfig(cwd, bankDirs);
    file = search.file;
    const range = search.boundary === search.from ? `in ${search.from}, ${search.stop}` : `from ${search.from} up to ${search.stop} ${search.boundary}`;
    origin = file ? `the nearest ${range}` : range;
  }
  if (!file) return { file: undefined, rules: {}, origin };
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LintConfigError(`Cannot read the config file ${shown}`);
  }
  // JSON with comments and trailing commas, as markdownlint-cli2 and VS Code settings take it.
  const source = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const [syntax] = errors;
  if (syntax || !tree) {
    const where = syntax ? `:${positionOf(source, syntax.offset)}` : '';
    throw new LintConfigError(`${shown}${where}: not valid JSON (${syntax ? describeParseError(syntax.error) : 'the file is empty'}); fix the syntax`);
  }
  const data: unknown = getNodeValue(tree);
  const { rules, problems } = validateLintConfig(data);
  if (problems.length > 0) {
    const problem = problems[0] as ConfigProblem;
    const position = `:${positionOf(source, locate(tree, problem.path))}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new LintConfigError(`${shown}${position}: ${problem.message}${more}`);
  }
  return { file, rules, origin };
}

/** The offset of the key (or item) at `keys` in the parsed file, as deep as it exists. */
function locate(tree: JsonNode, keys: ReadonlyArray<string | number>): number {
  for (let depth = keys.length; depth > 0; depth--) {
    const node = findNodeAtLocation(tree, [...keys.slice(0, depth)]);
    if (!node) continue;
    // A property's value: point at its key, as an editor would.
    const parent = node.parent;
    return parent?.type === 'property' && parent.children?.[0] ? parent.children[0].offset : node.offset;
  }
  return tree.offset;
}

/** `line:column` (1-based) of an offset. */
function positionOf(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `${line}:${offset - lineStart + 1}`;
}

/** jsonc-parser's error code in words: `CommaExpected` → "comma expected". */
function describeParseError(code: ParseErrorCode): string {
  return printParseErrorCode(code).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
