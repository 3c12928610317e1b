import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The installed package's root folder (where `questions/` and `rubrics/` ship). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bank shipped with the package. */
export const DEFAULT_BANK_DIR = path.join(PACKAGE_ROOT, 'questions');

/** The rubric config and lexicon shipped with the package. */
export const DEFAULT_RUBRICS_DIR = path.join(PACKAGE_ROOT, 'rubrics');

/** How a file is named in output: relative to the working folder when inside it. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** The bank folders to use: `--bank` flags, else `QBANK_BANK` (path-list), else the shipped bank. */
export function resolveBankDirs(flags: readonly string[] | undefined, env: NodeJS.ProcessEnv, cwd: string): string[] {
  if (flags && flags.length > 0) return flags.map((dir) => path.resolve(cwd, dir));
  const fromEnv = env.QBANK_BANK?.split(path.delimiter).filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return fromEnv.map((dir) => path.resolve(cwd, dir));
  return [DEFAULT_BANK_DIR];
}

/** The rubrics folder to use: `--rubrics`, else `QBANK_RUBRICS`, else the shipped one. */
export function resolveRubricsDir(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag) return path.resolve(cwd, flag);
  return env.QBANK_RUBRICS ? path.resolve(cwd, env.QBANK_RUBRICS) : DEFAULT_RUBRICS_DIR;
}
