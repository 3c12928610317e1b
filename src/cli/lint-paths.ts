import path from 'node:path';
import pMap from 'p-map';
import type { Diagnostic } from '../core/model/diagnostic.js';
import { compareDiagnostics } from '../core/model/diagnostic.js';
import type { Question } from '../core/model/question.js';
import { lintBank } from '../core/lint/run-bank.js';
import { lintParsed } from '../core/lint/run.js';
import { displayPath, resolveBankDirs } from '../adapters/package-paths.js';
import { findQuestionFiles, readQuestionFile } from '../adapters/question-files.js';
import type { CliIO } from './io.js';

/** Lints files and folders (the bank when none are given): every file's findings plus bank rules. */
export async function lintPaths(
  io: CliIO,
  paths: readonly string[],
  bankFlags: readonly string[] | undefined,
): Promise<{ files: number; diagnostics: Diagnostic[] }> {
  const roots = paths.length > 0 ? paths.map((p) => path.resolve(io.cwd, p)) : resolveBankDirs(bankFlags, io.env, io.cwd);
  const files = await findQuestionFiles(roots);
  const results = await pMap(
    files,
    async (file) => {
      const label = displayPath(file, io.cwd);
      const parsed = await readQuestionFile(file, label);
      return { question: parsed.question, diagnostics: lintParsed(parsed, label) };
    },
    { concurrency: 16 },
  );
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const questions = results.map((r) => r.question).filter((q): q is Question => q !== undefined);
  diagnostics.push(...lintBank(questions));
  return { files: files.length, diagnostics: diagnostics.sort(compareDiagnostics) };
}
