import { open, readdir, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { diagnosticAt } from '../core/model/diagnostic.js';
import { START_OF_FILE } from '../core/model/position.js';
import { NON_QUESTION_FILES } from '../core/model/section-keys.js';
import { LineIndex } from '../core/parse/line-index.js';
import { parseQuestion, type ParsedQuestion } from '../core/parse/parse-question.js';

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

function failed(label: string, ruleId: string, message: string, span = START_OF_FILE): ParsedQuestion {
  return { question: undefined, diagnostics: [diagnosticAt(label, span, ruleId, 'error', message)], text: '', usable: false };
}

/** Reads and parses one question file. Size and encoding problems become diagnostics. */
export async function readQuestionFile(filePath: string, label: string): Promise<ParsedQuestion> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new UnreadablePathError(filePath, reasonOf(error));
  }
  try {
    const { size } = await handle.stat();
    if (size > MAX_QUESTION_FILE_BYTES) {
      return failed(label, 'file-too-large', `The file is ${(size / 1024 / 1024).toFixed(1)} MiB; question files are limited to 1 MiB, so split it or remove the bulk`);
    }
    const bytes = await handle.readFile();
    if (!isUtf8(bytes)) {
      return failed(label, 'file-encoding', 'The file is not valid UTF-8; save it as UTF-8', invalidUtf8Span(bytes));
    }
    return parseQuestion(bytes.toString('utf8'), label);
  } finally {
    await handle.close();
  }
}

/** Where the first byte that is not UTF-8 sits, as a line and column of the text before it. */
function invalidUtf8Span(bytes: Buffer): typeof START_OF_FILE {
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let searchFrom = 0;
  for (let at = decoded.indexOf('\uFFFD'); at !== -1; at = decoded.indexOf('\uFFFD', searchFrom)) {
    const byteOffset = Buffer.byteLength(decoded.slice(0, at));
    // A real U+FFFD in the file is EF BF BD; anything else is where decoding failed.
    if (!(bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd)) {
      const position = new LineIndex(decoded).positionAt(at);
      return { start: position, end: { line: position.line, column: position.column + 1 } };
    }
    searchFrom = at + 1;
  }
  return START_OF_FILE;
}

function reasonOf(error: unknown): string {
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
    const entries = await readdir(given, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !isQuestionFileName(entry.name)) continue;
      const parent = entry.parentPath ?? (entry as unknown as { path: string }).path;
      const relative = path.relative(given, parent);
      if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue;
      found.push(path.join(parent, entry.name));
    }
  }
  return [...new Set(found)].sort();
}
