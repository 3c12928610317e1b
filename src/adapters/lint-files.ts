import { closeSync, constants, fstatSync, openSync, readSync, statSync, readdirSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_QUESTION_FILE_BYTES, reasonOf, specialKind } from './find-question-files.js';
import { contentHash } from './lint-cache.js';

/** Reads into this buffer: question files are at most 1 MiB, and lint reads them one at a time. */
const scratch = Buffer.allocUnsafe(MAX_QUESTION_FILE_BYTES);

/** Why a file gave lint no bytes: it cannot be read (locked, gone, not a regular file), or is too large to read. */
export type ReadFailure = { failure: 'unreadable'; reason: string } | { failure: 'too-large'; size: number };

/**
 * Reads a file for lint in one go (open, size, read, close) and hands its bytes and content
 * hash to `use`, or says why it could not (a too-large file is not read). Lint reads thousands
 * of small files: reading synchronously into one reused buffer costs a fraction of
 * promise-based calls and a buffer per file. The bytes are only valid during `use`; copy what
 * must outlive it.
 */
export function readForLint<T>(file: string, use: (bytes: Buffer, hash: string) => T): T | ReadFailure {
  let fd: number;
  try {
    // Non-blocking: a FIFO where a file was expected is refused below, never waited on.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { failure: 'unreadable', reason: reasonOf(error) };
  }
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { failure: 'unreadable', reason: `it is ${specialKind(info)}` };
    const { size } = info;
    if (size > MAX_QUESTION_FILE_BYTES) return { failure: 'too-large', size };
    let read = 0;
    try {
      while (read < size) {
        const n = readSync(fd, scratch, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
    } catch (error) {
      return { failure: 'unreadable', reason: reasonOf(error) };
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
