import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '..', '..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
/** `../shared/seeds` beside the checkout; QBANK_SEEDS_DIR points elsewhere (e.g. to check that CI fails without them). */
export const SEEDS_DIR = process.env.QBANK_SEEDS_DIR ?? path.resolve(REPO_ROOT, '..', 'shared', 'seeds');
export const SEED_QUESTION_FILES = ['000_70b41d04c1e1a6f4.txt', '001_79d5bc12901abb77.txt'].map((name) => path.join(SEEDS_DIR, name));
export const seedsPresent = SEED_QUESTION_FILES.every((file) => existsSync(file));

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The valid subjective fixture with each `[from, to]` replacement applied once (each must match). */
export function mutated(replacements: ReadonlyArray<readonly [string | RegExp, string]>, name = 'valid-subjective.md'): string {
  let text = fixture(name);
  for (const [from, to] of replacements) {
    const found = typeof from === 'string' ? text.includes(from) : from.test(text);
    if (!found) throw new Error(`fixture replacement did not apply: ${String(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index === -1) throw new Error(`not found: ${needle}`);
  return index + 1;
}
