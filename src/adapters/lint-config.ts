import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { validateLintConfig, type ConfigProblem } from '../core/lint/config.js';
import type { RuleSetting } from '../core/lint/settings.js';

/** The names a lint config file may have, looked for from the working folder upwards. */
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
}

/** The nearest config file from `cwd` upwards, if any. */
export function findLintConfig(cwd: string): string | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Loads `explicit` (a `--config` path) or the nearest config file; no file means default settings. */
export async function loadLintConfig(cwd: string, explicit?: string): Promise<LintConfig> {
  const file = explicit ? path.resolve(cwd, explicit) : findLintConfig(cwd);
  if (!file) return { file: undefined, rules: {} };
  const shown = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LintConfigError(`Cannot read the config file ${shown}`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const first = document.errors[0];
    const where = first ? `:${lineCounter.linePos(first.pos[0]).line}:${lineCounter.linePos(first.pos[0]).col}` : '';
    throw new LintConfigError(`${shown}${where}: not valid JSON (${(error as Error).message}); fix the syntax`);
  }
  const { rules, problems } = validateLintConfig(data);
  if (problems.length > 0) {
    const problem = problems[0] as ConfigProblem;
    const offset = locate(document.contents, problem.path);
    const position = offset === undefined ? '' : `:${lineCounter.linePos(offset).line}:${lineCounter.linePos(offset).col}`;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new LintConfigError(`${shown}${position}: ${problem.message}${more}`);
  }
  return { file, rules };
}

/** The offset of the key (or item) at `keys` in a parsed JSON document, as deep as it exists. */
function locate(node: Node | null | undefined, keys: ReadonlyArray<string | number>): number | undefined {
  let current: unknown = node;
  let offset = (node as Node | null | undefined)?.range?.[0];
  for (const key of keys) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair || !isPair(pair)) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      current = pair.value;
    } else if (isSeq(current) && typeof key === 'number') {
      const item = current.items[key] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      current = item;
    } else {
      return offset;
    }
  }
  return offset;
}
