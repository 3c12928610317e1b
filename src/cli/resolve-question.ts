import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Question } from '../core/model/question.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

/** A question named by id (looked up in the bank) or by a file path. */
export async function resolveQuestion(io: CliIO, target: string, bankFlags: readonly string[] | undefined): Promise<Question> {
  if (await isFile(path.resolve(io.cwd, target))) {
    const { readQuestionFile } = await import('../adapters/question-files.js');
    const { displayPath } = await import('../adapters/package-paths.js');
    const { blockingErrors } = await import('../core/lint/run.js');
    const label = displayPath(path.resolve(io.cwd, target), io.cwd);
    const parsed = await readQuestionFile(path.resolve(io.cwd, target), label);
    if (!parsed.usable || !parsed.question) {
      const first = blockingErrors(parsed, label)[0];
      throw new UsageError(
        `${label} is not a usable question${first ? ` (${first.line}:${first.column} ${first.message})` : ''}; run "qbank lint ${label}"`,
      );
    }
    return parsed.question;
  }
  // A path (a folder in it, or a file's extension) that is not a file here is a missing file, not an unknown id.
  const { ID_PATTERN } = await import('../core/model/frontmatter.js');
  const asPath = target.includes('/') || target.includes(path.sep) || /\.(md|markdown|txt)$/i.test(target);
  if (asPath && !ID_PATTERN.test(target)) throw new UsageError(`Cannot read ${target}: ${await whyNotAFile(path.resolve(io.cwd, target))}; name a question file that exists, or a question id`);
  const { openBank } = await import('./bank-access.js');
  const bank = await openBank(io, bankFlags);
  const question = bank.get(target);
  if (!question) {
    if (asPath) throw new UsageError(`There is no question file ${target} (${await whyNotAFile(path.resolve(io.cwd, target))}), and no question with that id in the bank`);
    const near = bank.ids.filter((id) => id.includes(target) || target.includes(id)).slice(0, 3);
    throw new UsageError(`No question with id "${target}" in the bank${near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; run "qbank list" to see the ids'}`);
  }
  return question;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Why a path that is not a question file is not one, in words. */
async function whyNotAFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    return info.isDirectory() ? 'it is a folder' : 'it is not a regular file';
  } catch (error) {
    const { reasonOf } = await import('../adapters/find-question-files.js');
    return reasonOf(error);
  }
}
