import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

/** Reads a whole stream as UTF-8 text. */
export async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** An answer from `--answer`, `--answer-file` (`-` for stdin) or piped stdin, in that order. */
export async function readAnswer(io: CliIO, flags: { answer?: string; answerFile?: string }): Promise<string> {
  if (flags.answer !== undefined) return flags.answer;
  if (flags.answerFile !== undefined && flags.answerFile !== '-') {
    try {
      return await readFile(path.resolve(io.cwd, flags.answerFile), 'utf8');
    } catch {
      throw new UsageError(`Cannot read the answer file ${flags.answerFile}`);
    }
  }
  if (flags.answerFile === undefined && io.stdin.isTTY) {
    throw new UsageError('Give the answer with --answer TEXT, --answer-file FILE, or on stdin (qbank score ID < answer.txt)');
  }
  return readStream(io.stdin);
}
