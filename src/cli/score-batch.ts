import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bank } from '../core/bank/bank.js';
import type { Question } from '../core/model/question.js';
import { scoreAnswer, validateAnswer } from '../core/score/score-answer.js';
import { BatchLineError as LineError, inputLines, MAX_BATCH_LINE_BYTES, type InputLine } from './batch-lines.js';
import { BatchQuestions } from './batch-questions.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import type { Scorer } from './scorer.js';
import { exactStream } from './terminal-safe.js';

/**
 * Fields qbank writes on an output line. An input field of one of these names would overwrite
 * (or be overwritten by) what qbank computed, so a line carrying one is refused. The score
 * result's own fields are also checked at run time, so a field the scorer adds later is
 * protected too.
 */
export const RESERVED_FIELDS: readonly string[] = [
  'line', 'error', 'question', 'answer',
  'id', 'score', 'band', 'passed', 'followUp', 'parts', 'concepts', 'keywords', 'keywordResults', 'mistakes', 'penalty', 'uncappedScore', 'warnings', 'stats',
];
const RESERVED = new Set(RESERVED_FIELDS);

/** How deep a passed-through value may nest (objects and arrays). */
export const MAX_BATCH_NESTING = 64;

/** What a batch run needs besides its input. */
export interface BatchOptions {
  scorer: Scorer;
  openBank: () => Promise<Bank>;
  /** Folders a `question` path may point into (with the working folder), unless `allowPaths`. */
  bankDirs: readonly string[];
  allowPaths: boolean;
}

/** The run itself cannot go on (the bank cannot be opened, the input cannot be read): exit 2. */
class RunError extends Error {}

/**
 * Scores a JSON Lines file, one answer per line, streaming: each chunk's lines are scored and
 * written before the next chunk is read, so memory does not grow with the file. Every input
 * line gives exactly one output line, in order, carrying its `line` number. Returns the number
 * of lines that failed; throws (exit 2) when the run itself fails.
 */
export async function scoreBatch(io: CliIO, file: string, options: BatchOptions): Promise<number> {
  const input = file === '-' ? io.stdin : await openInput(path.resolve(io.cwd, file));
  const run = new BatchRun(io.cwd, options);
  // JSON Lines for programs: the exact text, not the terminal writer's.
  const out = exactStream(io.stdout);
  const lines = inputLines(input as AsyncIterable<Buffer | string>);
  for (;;) {
    let next: IteratorResult<InputLine[]>;
    try {
      next = await lines.next();
    } catch (error) {
      throw new UsageError(`Cannot read the batch ${file === '-' ? 'input' : `file ${file}`}: ${(error as Error).message}`);
    }
    if (next.done) break;
    for (const line of next.value) {
      const pending = run.output(line);
      const written = typeof pending === 'string' ? pending : await pending;
      if (!out.write(`${written}\n`)) await drained(out);
    }
  }
  return run.failed;
}

/** One batch run: the questions met so far, and the count of failed lines. */
class BatchRun {
  failed = 0;
  private bank: Bank | undefined;
  private readonly questions: BatchQuestions;

  constructor(
    cwd: string,
    private readonly options: BatchOptions,
  ) {
    this.questions = new BatchQuestions(cwd, options.bankDirs, options.allowPaths);
  }

  /**
   * The output line for an input line: a string when its question is known already (the
   * common case, kept free of promises), else a promise while the question is read.
   */
  output(line: InputLine): string | Promise<string> {
    let parsed: { reference: string; answer: string; passthrough: Record<string, unknown> };
    try {
      parsed = checkedLine(line);
    } catch (error) {
      return this.failure(line.number, error, (error as { passthrough?: Record<string, unknown> }).passthrough ?? {});
    }
    const known = this.known(parsed.reference);
    if (known instanceof LineError) return this.failure(line.number, known, parsed.passthrough);
    if (known) return this.scored(line.number, known, parsed);
    return this.resolve(parsed.reference).then(
      (question) => this.scored(line.number, question, parsed),
      (error: unknown) => {
        if (error instanceof RunError) throw new UsageError(error.message);
        return this.failure(line.number, error, parsed.passthrough);
      },
    );
  }

  /** The question without waiting: known already, or (once the bank is open) an unknown id; undefined when it must be read. */
  private known(reference: string): Question | LineError | undefined {
    if (BatchQuestions.isPath(reference)) return this.questions.cached(reference);
    if (!this.bank) return undefined;
    return this.bank.get(reference) ?? unknownId(reference);
  }

  private async resolve(reference: string): Promise<Question> {
    if (BatchQuestions.isPath(reference)) return this.questions.get(reference);
    if (!this.bank) {
      try {
        this.bank = await this.options.openBank();
      } catch (error) {
        throw new RunError((error as Error).message);
      }
    }
    const question = this.bank.get(reference);
    if (!question) throw unknownId(reference);
    return question;
  }

  private scored(number: number, question: Question, line: { reference: string; answer: string; passthrough: Record<string, unknown> }): string {
    const { reference, answer, passthrough } = line;
    try {
      if (question.type !== 'subjective') throw new LineError(`Question "${reference}" is multiple-choice; only subjective answers are scored`);
      const result = scoreAnswer(this.options.scorer.rubric(question), answer);
      for (const key in passthrough) {
        if (Object.hasOwn(result, key)) {
          const kept = Object.fromEntries(Object.entries(passthrough).filter(([name]) => !Object.hasOwn(result, name)));
          return this.failure(number, new LineError(reservedMessage([key])), kept);
        }
      }
      return JSON.stringify({ line: number, ...result, ...passthrough, question: reference });
    } catch (error) {
      return this.failure(number, error, passthrough);
    }
  }

  private failure(number: number, error: unknown, passthrough: Record<string, unknown>): string {
    this.failed++;
    return errorLine(number, error, passthrough);
  }
}

function unknownId(reference: string): LineError {
  return new LineError(`No question with id "${reference}" in the bank`);
}

/** An input line checked up to its question: the reference, the answer and the other fields. */
function checkedLine(line: InputLine): { reference: string; answer: string; passthrough: Record<string, unknown> } {
  const { text } = line;
  if (text === undefined) throw new LineError(`Line too long: more than ${MAX_BATCH_LINE_BYTES} bytes (1 MiB); it was skipped`);
  if (text.trim() === '') throw new LineError('The line is blank');
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    throw new LineError('The line is not valid JSON');
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) throw new LineError('The line must be a JSON object');
  const { question: reference, answer, ...rest } = record as Record<string, unknown>;
  const passthrough = checkedPassthrough(rest);
  const fail = (message: string) => Object.assign(new LineError(message), { passthrough });
  if (typeof reference !== 'string' || reference.trim() === '') throw fail('"question" must be a question id or a file path');
  if (typeof answer !== 'string') throw fail('"answer" must be a string');
  const valid = validateAnswer(answer);
  if (valid !== true) throw fail(valid);
  return { reference, answer, passthrough };
}

/** The input's other fields, to pass through: refused when one is reserved or nests too deep. */
function checkedPassthrough(rest: Record<string, unknown>): Record<string, unknown> {
  let reserved: string[] | undefined;
  for (const key in rest) if (RESERVED.has(key)) (reserved ??= []).push(key);
  if (reserved) {
    const kept = Object.fromEntries(Object.entries(rest).filter(([key]) => !RESERVED.has(key)));
    throw Object.assign(new LineError(reservedMessage(reserved)), { passthrough: safeFields(kept) });
  }
  for (const key in rest) {
    if (nestsDeeper(rest[key], 1)) throw new LineError(`Field "${key}" nests deeper than ${MAX_BATCH_NESTING} levels`);
  }
  return rest;
}

function reservedMessage(keys: readonly string[]): string {
  const names = keys.map((key) => `"${key}"`).join(', ');
  return `${keys.length === 1 ? 'Field' : 'Fields'} ${names} ${keys.length === 1 ? 'is' : 'are'} reserved for what qbank writes; rename ${keys.length === 1 ? 'it' : 'them'} or nest ${keys.length === 1 ? 'it' : 'them'} under another field`;
}

/** Fields of a refused line that can be passed through as they are (shallow enough to write). */
function safeFields(fields: Record<string, unknown>): Record<string, unknown> {
  for (const key in fields) if (nestsDeeper(fields[key], 1)) return {};
  return fields;
}

function nestsDeeper(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > MAX_BATCH_NESTING) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeper(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeper((value as Record<string, unknown>)[key], depth + 1)) return true;
  return false;
}

/** `{"line", "error", …the line's other fields}`; `line` and `error` always qbank's own. */
function errorLine(number: number, error: unknown, passthrough: Record<string, unknown>): string {
  const message = error instanceof LineError ? error.message : `The line could not be scored: ${(error as Error).message}`;
  const fields = (error as { passthrough?: Record<string, unknown> }).passthrough ?? passthrough;
  try {
    return JSON.stringify({ line: number, error: message, ...fields });
  } catch {
    return JSON.stringify({ line: number, error: message });
  }
}

async function openInput(file: string): Promise<NodeJS.ReadableStream> {
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    throw new UsageError(`Cannot read the batch file ${file}`);
  }
  return createReadStream(file);
}

function drained(out: CliIO['stdout']): Promise<void> {
  const stream = out as unknown as NodeJS.WritableStream;
  return typeof stream.once === 'function' ? new Promise((resolve) => stream.once('drain', () => resolve())) : Promise.resolve();
}
