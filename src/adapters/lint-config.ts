import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UnreadableInput } from '../core/errors/catalogue.js';
import { inputError, syntaxError } from '../core/errors/input-problems.js';
import { QbankError } from '../core/errors/qbank-error.js';
import { validateLintConfig } from '../core/lint/config.js';
import { readJsoncSource } from '../core/parse/source-document.js';
import type { RuleSetting } from '../core/lint/settings.js';

/** The names a lint config file may have, looked for from the working folder upwards (`findLintConfig`). */
export const CONFIG_FILE_NAMES = ['qbank.config.json', '.qbankrc.json'] as const;

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
    throw new QbankError(UnreadableInput, { what: 'config file', file: shown });
  }
  const source = readJsoncSource(text);
  if (source.syntax) throw syntaxError(shown, source);
  const { rules, problems } = validateLintConfig(source.value);
  if (problems.length > 0) throw inputError(shown, source, problems);
  return { file, rules, origin };
}
