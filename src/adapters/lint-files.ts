import { closeSync, fstatSync, openSync, readSync, statSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NON_QUESTION_FILES } from '../core/model/section-keys.js';
import { contentHash } from './lint-cache.js';

/**
 * The same limit and the same error as `question-files.ts`, which lint does not import up front:
 * it loads the whole parser, and with worker threads the main thread never parses (a test
 * checks the two agree).
 */
export const LINT_MAX_FILE_BYTES = 1024 * 1024;
const MAX_QUESTION_FILE_BYTES = LINT_MAX_FILE_BYTES;

/** A path given by the user cannot be read (exit code 2); named as `question-files.ts` names it. */
export class UnreadablePathError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(`Cannot read ${filePath}: ${reason}`);
    this.name = 'UnreadablePathError';
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message;
}

/**
 * Every question file under the given paths, as `findQuestionFiles` finds them: folders are
 * walked recursively (skipping dot-folders and node_modules, README and GUIDELINES files);
 * files named directly are taken whatever their extension.
 */
export async function findLintFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const given of paths) {
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      throw new UnreadablePathError(given, reasonOf(error));
    }
    if (info.isFile()) {
      found.push(given);
      continue;
    }
    const skipped = new Map<string, boolean>();
    for (const entry of await readdir(given, { recursive: true, withFileTypes: true })) {
      const lower = entry.name.toLowerCase();
      if (!entry.isFile() || !lower.endsWith('.md') || NON_QUESTION_FILES.has(lower)) continue;
      const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
      let skip = skipped.get(parent);
      if (skip === undefined) {
        skip = path.relative(given, parent).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
        skipped.set(parent, skip);
      }
      if (!skip) found.push(path.join(parent, entry.name));
    }
  }
  return [...new Set(found)].sort();
}

/** Reads into this buffer: question files are at most 1 MiB, and lint reads them one at a time. */
const scratch = Buffer.allocUnsafe(MAX_QUESTION_FILE_BYTES);

/**
 * Reads a file for lint in one go (open, size, read, close) and hands its bytes and content
 * hash to `use`, or returns `too-large` without reading. Lint reads thousands of small files:
 * reading synchronously into one reused buffer costs a fraction of promise-based calls and a
 * buffer per file. The bytes are only valid during `use`; copy what must outlive it.
 */
export function readForLint<T>(file: string, use: (bytes: Buffer, hash: string) => T): T | 'too-large' {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new UnreadablePathError(file, reasonOf(error));
  }
  let bytes: Buffer;
  try {
    const { size } = fstatSync(fd);
    if (size > MAX_QUESTION_FILE_BYTES) return 'too-large';
    let read = 0;
    while (read < size) {
      const n = readSync(fd, scratch, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    bytes = scratch.subarray(0, read);
  } finally {
    closeSync(fd);
  }
  return use(bytes, contentHash(bytes));
}

/** Whether bytes can be linted as text (else the encoding rule reports them). */
export function isLintableText(bytes: Buffer): boolean {
  return isUtf8(bytes);
}

/**
 * Names and change times of the compiled rules, parser, model and scorer: a cache written by
 * another build of qbank is not reused, even when the version number is the same.
 */
export function buildStamp(): string {
  const core = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'core');
  const parts: string[] = [];
  for (const dir of ['lint', 'lint/rules', 'lint/bank-rules', 'parse', 'model', 'score']) {
    let names: string[];
    try {
      names = readdirSync(path.join(core, dir)).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const info = statSync(path.join(core, dir, name), { throwIfNoEntry: false });
      if (info) parts.push(`${dir}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  return contentHash(parts.join('\n'));
}
