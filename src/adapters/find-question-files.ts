import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { NON_QUESTION_FILES } from '../core/model/section-keys.js';

/**
 * Finding question files, without the parser: lint's main thread uses this and leaves parsing
 * to its worker threads.
 */

/** Files larger than this are refused unread: bounded work per file. */
export const MAX_QUESTION_FILE_BYTES = 1024 * 1024;

/** Thrown when a path given by the user cannot be read at all. */
export class UnreadablePathError extends Error {
  constructor(
    readonly filePath: string,
    reason: string,
  ) {
    super(`Cannot read ${filePath}: ${reason}`);
    this.name = 'UnreadablePathError';
  }
}

/** The reason a file system call failed, in words. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (error as Error).message;
}

/** Whether a file name looks like a question file (markdown, and not a README or GUIDELINES). */
export function isQuestionFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.md') && !NON_QUESTION_FILES.has(lower);
}

/**
 * Every question file under the given paths: folders are walked recursively (skipping
 * dot-folders and node_modules); files named directly are taken whatever their extension.
 */
export async function findQuestionFiles(paths: readonly string[]): Promise<string[]> {
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
    const hidden = new Map<string, boolean>();
    for (const entry of await readdir(given, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !isQuestionFileName(entry.name)) continue;
      const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
      let skip = hidden.get(parent);
      if (skip === undefined) {
        skip = path.relative(given, parent).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules');
        hidden.set(parent, skip);
      }
      if (!skip) found.push(path.join(parent, entry.name));
    }
  }
  return [...new Set(found)].sort();
}
