import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Bank } from '../../core/bank/bank.js';
import type { GradedAnswer } from '../../core/calibrate/features.js';
import { parseGradedLine } from '../../core/calibrate/graded-line.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

/** A line that could not be used, and why. */
export interface SkippedLine {
  line: number;
  error: string;
}

/** What a calibrate input held. */
export interface GradedInput {
  graded: GradedAnswer[];
  skipped: SkippedLine[];
  /** Lines that were not blank. */
  lines: number;
}

/** Whether a `question` value names a file rather than an id (as in `score --batch`). */
export function isQuestionPath(reference: string): boolean {
  return /\.(md|txt|markdown)$/i.test(reference) || reference.includes('/') || reference.includes(path.sep);
}

async function readAll(io: CliIO, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString('utf8');
  }
  const full = path.resolve(io.cwd, file);
  try {
    if (!(await stat(full)).isFile()) throw new Error('not a file');
    return await readFile(full, 'utf8');
  } catch {
    throw new UsageError(`Cannot read the graded answers file ${file}`);
  }
}

/**
 * Reads graded answers, one JSON object a line, and finds each one's question: an id in the
 * bank (opened only when an id is used) or a question file's path (from the working folder).
 * A line that cannot be used is skipped with its number and why; blank lines are ignored.
 */
export async function readGradedInput(
  io: CliIO,
  file: string,
  options: { openBank: () => Promise<Bank>; scale?: { min: number; max: number } },
): Promise<GradedInput> {
  const text = await readAll(io, file);
  const rows = text.replace(/^\uFEFF/, '').split('\n');
  let bank: Bank | undefined;
  const questions = new Map<string, SubjectiveQuestion | string>();
  const find = async (reference: string): Promise<SubjectiveQuestion | string> => {
    const known = questions.get(reference);
    if (known !== undefined) return known;
    let found: SubjectiveQuestion | string;
    if (isQuestionPath(reference)) {
      const { readQuestionFile } = await import('../../adapters/question-files.js');
      const parsed = await readQuestionFile(path.resolve(io.cwd, reference), reference);
      const question = parsed.usable ? parsed.question : undefined;
      found = !question ? `"${reference}" is not a question file qbank can use (missing, unreadable or not valid); check it with "qbank lint"` : question.type === 'subjective' ? question : `"${reference}" is multiple-choice; calibrate fits the scoring of written answers`;
    } else {
      bank ??= await options.openBank();
      const question = bank.get(reference);
      found = !question ? `No question with id "${reference}" in the bank; run "qbank list" to see the ids, or give --bank` : question.type === 'subjective' ? question : `"${reference}" is multiple-choice; calibrate fits the scoring of written answers`;
    }
    questions.set(reference, found);
    return found;
  };

  const graded: GradedAnswer[] = [];
  const skipped: SkippedLine[] = [];
  let lines = 0;
  for (let i = 0; i < rows.length; i++) {
    const line = parseGradedLine((rows[i] as string).replace(/\r$/, ''));
    if (line.kind === 'blank') continue;
    lines++;
    if (line.kind === 'invalid') {
      skipped.push({ line: i + 1, error: line.message });
      continue;
    }
    const { scale } = options;
    if (scale && (line.grade < scale.min || line.grade > scale.max)) {
      skipped.push({ line: i + 1, error: `"grade" ${line.grade} is outside the scale ${scale.min}-${scale.max} (--scale)` });
      continue;
    }
    const question = await find(line.question);
    if (typeof question === 'string') skipped.push({ line: i + 1, error: question });
    else graded.push({ question, answer: line.answer, grade: line.grade });
  }
  return { graded, skipped, lines };
}
