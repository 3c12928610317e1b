import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { diagnosticAt } from '../core/model/diagnostic.js';
import { START_OF_FILE } from '../core/model/position.js';
import { LineIndex } from '../core/parse/line-index.js';
import { parseQuestion, type ParsedQuestion } from '../core/parse/parse-question.js';
import { MAX_QUESTION_FILE_BYTES, UnreadablePathError, reasonOf } from './find-question-files.js';

export { findQuestionFiles, isQuestionFileName, MAX_QUESTION_FILE_BYTES, UnreadablePathError } from './find-question-files.js';

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
