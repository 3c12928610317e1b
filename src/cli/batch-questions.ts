import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Question } from '../core/model/question.js';
import { BatchLineError } from './batch-lines.js';

/**
 * Question files named by path in batch input. Batch input may come from candidates or another
 * service, so a path is read only inside the bank folders and the working folder (after
 * following symlinks) unless `--allow-paths` is given, and every way a path can fail to be a
 * question (missing, a folder, unreadable, not a valid question) reads the same: the errors
 * must not tell which files exist, nor print what a file holds.
 */
export class BatchQuestions {
  private readonly cache = new Map<string, Question>();
  /** The same questions by the spelling a line used, for the per-line lookup (bounded). */
  private readonly byReference = new Map<string, Question>();
  private readonly roots: string[];
  private realRoots: Promise<string[]> | undefined;

  constructor(
    private readonly cwd: string,
    bankDirs: readonly string[],
    private readonly allowPaths: boolean,
  ) {
    this.roots = [cwd, ...bankDirs].map((dir) => path.resolve(cwd, dir));
  }

  /** Whether a `question` value names a file rather than an id. */
  static isPath(reference: string): boolean {
    return /\.(md|txt|markdown)$/i.test(reference) || reference.includes('/') || reference.includes(path.sep);
  }

  /** The question a reference named before, if it was read already. */
  cached(reference: string): Question | undefined {
    return this.byReference.get(reference);
  }

  async get(reference: string): Promise<Question> {
    const full = path.resolve(this.cwd, reference);
    const cached = this.cache.get(full);
    if (cached) return this.remember(reference, cached);
    // Decided on the path alone, before the disk is touched, so it tells nothing about the file.
    if (!this.allowPaths && !inside(full, this.roots)) throw outside(reference);
    let real: string;
    try {
      real = await realpath(full);
    } catch {
      throw unusable(reference);
    }
    if (!this.allowPaths && !inside(real, await this.resolvedRoots())) throw outside(reference);
    let question: Question | undefined;
    try {
      // Only regular files: opening a FIFO or a device would block or read without end.
      if ((await stat(real)).isFile()) {
        const { readQuestionFile } = await import('../adapters/question-files.js');
        const parsed = await readQuestionFile(real, reference);
        if (parsed.usable) question = parsed.question;
      }
    } catch {
      question = undefined;
    }
    if (!question) throw unusable(reference);
    this.cache.set(full, question);
    return this.remember(reference, question);
  }

  private remember(reference: string, question: Question): Question {
    if (this.byReference.size < 10_000) this.byReference.set(reference, question);
    return question;
  }

  private resolvedRoots(): Promise<string[]> {
    this.realRoots ??= Promise.all(this.roots.map((root) => realpath(root).catch(() => root)));
    return this.realRoots;
  }
}

function inside(file: string, roots: readonly string[]): boolean {
  return roots.some((root) => {
    const relative = path.relative(root, file);
    return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  });
}

function outside(reference: string): BatchLineError {
  return new BatchLineError(`"${reference}" is outside the bank folders and the working folder; qbank reads question files there only, unless --allow-paths is given`);
}

function unusable(reference: string): BatchLineError {
  return new BatchLineError(`"${reference}" is not a question file qbank can use (missing, unreadable or not a valid question); check it with "qbank lint"`);
}
