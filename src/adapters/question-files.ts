import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Span } from '../core/model/position.js';
import { START_OF_FILE } from '../core/model/position.js';
import type { ParseFact } from '../core/parse/facts.js';
import { LineIndex } from '../core/parse/line-index.js';
import { parseQuestion, type ParsedQuestion } from '../core/parse/parse-question.js';
import { MAX_QUESTION_FILE_BYTES, reasonOf, specialKind } from './find-question-files.js';

export { findQuestionFiles, isQuestionFileName, MAX_QUESTION_FILE_BYTES, UnreadablePathError } from './find-question-files.js';

/** Opening for reading never blocks, so a FIFO where a question file was expected cannot hold qbank up. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** What a file that cannot be read gives: why, for `file-unreadable` (lint names the file). */
export function unreadableFile(reason: string): ParsedQuestion {
  return unread({ fact: 'file-unreadable', span: START_OF_FILE, data: { reason } });
}

/** A file with no text: only what reading it saw. */
function unread(fact: ParseFact): ParsedQuestion {
  return { question: undefined, facts: [fact], text: '', usable: false };
}

/**
 * Reads and parses one question file. A file that cannot be read (permissions, gone, not a
 * regular file), too large or not UTF-8 gives a diagnostic instead of a model.
 */
export async function readQuestionFile(filePath: string, label: string): Promise<ParsedQuestion> {
  let handle;
  try {
    // Non-blocking, so a FIFO put where a file was never holds qbank up; it is refused unread below.
    handle = await open(filePath, READ_FLAGS);
  } catch (error) {
    return unreadableFile(reasonOf(error));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return unreadableFile(`it is ${specialKind(info)}`);
    if (info.size > MAX_QUESTION_FILE_BYTES) return tooLargeFile(info.size);
    let bytes: Buffer;
    try {
      bytes = await handle.readFile();
    } catch (error) {
      return unreadableFile(reasonOf(error));
    }
    return parseQuestionBytes(bytes, label);
  } finally {
    await handle.close();
  }
}

/** `readQuestionFile` in one synchronous step, for a bank loading one question it has indexed. */
export function readQuestionFileSync(filePath: string, label: string): ParsedQuestion {
  let fd: number;
  try {
    fd = openSync(filePath, READ_FLAGS);
  } catch (error) {
    return unreadableFile(reasonOf(error));
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return unreadableFile(`it is ${specialKind(info)}`);
    if (info.size > MAX_QUESTION_FILE_BYTES) return tooLargeFile(info.size);
    let bytes: Buffer;
    try {
      bytes = readFileSync(fd);
    } catch (error) {
      return unreadableFile(reasonOf(error));
    }
    return parseQuestionBytes(bytes, label);
  } finally {
    closeSync(fd);
  }
}

/** What a file over the size limit gives, without reading it. */
export function tooLargeFile(size: number): ParsedQuestion {
  return unread({ fact: 'file-too-large', span: START_OF_FILE, data: { bytes: size } });
}

/** Parses a question file's bytes; bytes that are not UTF-8 give a `file-not-utf8` fact instead. */
export function parseQuestionBytes(bytes: Buffer, label: string): ParsedQuestion {
  if (!isUtf8(bytes)) return unread({ fact: 'file-not-utf8', span: invalidUtf8Span(bytes), data: {} });
  return parseQuestion(bytes.toString('utf8'), label);
}

/** Where the first byte that is not UTF-8 sits, as a line and column of the text before it. */
function invalidUtf8Span(bytes: Buffer): Span {
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
