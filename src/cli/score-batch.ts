import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Bank } from '../core/bank/bank.js';
import type { Question } from '../core/model/question.js';
import { scoreAnswer, validateAnswer } from '../core/score/score-answer.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { Scorer } from './scorer.js';
import { exactStream } from './terminal-safe.js';

/**
 * Scores a JSON Lines file, one answer per line, streaming: each line is read, scored and
 * written before the next is read, so memory does not grow with the file. Returns the number
 * of lines that failed.
 */
export async function scoreBatch(
  io: CliIO,
  file: string,
  scorer: Scorer,
  openBank: () => Promise<Bank>,
  readQuestion: (file: string) => Promise<Question>,
): Promise<number> {
  const input = file === '-' ? io.stdin : await openInput(path.resolve(io.cwd, file));
  const lines = createInterface({ input, crlfDelay: Infinity });
  let bank: Bank | undefined;
  const byPath = new Map<string, Question>();
  let lineNumber = 0;
  let failed = 0;
  // JSON Lines for programs: the exact text, not the terminal writer's.
  const out = exactStream(io.stdout);

  const resolve = async (reference: string): Promise<Question> => {
    if (/\.(md|txt|markdown)$/i.test(reference) || reference.includes('/') || reference.includes(path.sep)) {
      const full = path.resolve(io.cwd, reference);
      let question = byPath.get(full);
      if (!question) {
        question = await readQuestion(full);
        byPath.set(full, question);
      }
      return question;
    }
    bank ??= await openBank();
    const question = bank.get(reference);
    if (!question) throw new Error(`No question with id "${reference}" in the bank`);
    return question;
  };

  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    let passthrough: Record<string, unknown> = {};
    let output: Record<string, unknown>;
    try {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        throw new Error('The line is not valid JSON');
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new Error('The line must be a JSON object');
      const { question: reference, answer, ...rest } = record as Record<string, unknown>;
      passthrough = rest;
      if (typeof reference !== 'string' || reference.trim() === '') throw new Error('"question" must be a question id or a file path');
      if (typeof answer !== 'string') throw new Error('"answer" must be a string');
      const valid = validateAnswer(answer);
      if (valid !== true) throw new Error(valid);
      const question = await resolve(reference);
      if (question.type !== 'subjective') throw new Error(`Question "${reference}" is multiple-choice; only subjective answers are scored`);
      output = { ...scoreAnswer(scorer.rubric(question), answer), ...passthrough, question: reference };
    } catch (error) {
      failed++;
      output = { line: lineNumber, error: (error as Error).message, ...passthrough };
    }
    if (!out.write(`${JSON.stringify(output)}\n`)) await drained(out);
  }
  return failed;
}

async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`Cannot read the batch file ${file}`);
  }
  return createReadStream(file, { encoding: 'utf8' });
}

function drained(out: CliIO['stdout']): Promise<void> {
  const stream = out as unknown as NodeJS.WritableStream;
  return typeof stream.once === 'function' ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve();
}
