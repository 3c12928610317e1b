import type { z } from 'zod';
import type { SourceDocument } from '../parse/source-document.js';
import { InputSyntax, InvalidInput, type ErrorEntry } from './catalogue.js';
import { QbankError } from './qbank-error.js';
import { zodErrorMap } from './zod-error-map.js';

/** One thing wrong with an input, at a path of keys (located in the source when reported). */
export interface InputProblem {
  path: readonly PropertyKey[];
  /** A sentence from the error map or the schema, without a position. */
  message: string;
}

/** An entry that reports input problems: `InvalidInput`, or a more particular one (`ScriptMistake`). */
export type ProblemEntry = ErrorEntry<{ problem: string; more?: number }>;

/** Validates `value` with the one error map; each issue becomes a problem at its key (an unknown key at itself). */
export function checkInput<T>(schema: z.ZodType<T>, value: unknown): { ok: true; data: T } | { ok: false; problems: InputProblem[] } {
  const result = schema.safeParse(value, { error: zodErrorMap, reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => ({
    path: issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined ? [...issue.path, issue.keys[0]] : issue.path,
    message: issue.message,
  }));
  return { ok: false, problems };
}

/** The error for an input's problems: the first in the file, located, with the count of the others. */
export function inputError(file: string, source: SourceDocument, problems: readonly InputProblem[], entry: ProblemEntry = InvalidInput): QbankError {
  const located = problems.map((problem) => ({ problem, at: source.locate(problem.path) }));
  const first = located.reduce((a, b) => (b.at.line < a.at.line || (b.at.line === a.at.line && b.at.column < a.at.column) ? b : a));
  return new QbankError(entry, { problem: first.problem.message, more: problems.length - 1 }, { file, ...first.at });
}

/** The error for a source that does not parse, at the syntax error. */
export function syntaxError(file: string, source: SourceDocument): QbankError {
  const { reason, position } = source.syntax ?? { reason: 'unreadable' };
  return new QbankError(InputSyntax, { format: source.format, reason }, { file, ...position });
}

/** The data of `source` as `schema` reads it, or the error for its syntax or first problem. */
export function parseSource<T>(schema: z.ZodType<T>, source: SourceDocument, file: string, entry: ProblemEntry = InvalidInput): T {
  if (source.syntax) throw syntaxError(file, source);
  const checked = checkInput(schema, source.value);
  if (!checked.ok) throw inputError(file, source, checked.problems, entry);
  return checked.data;
}
