import type { Diagnostic } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { lintBank } from '../lint/run-bank.js';
import { blockingErrors } from '../lint/run.js';
import type { ParsedQuestion } from '../parse/parse-question.js';
import { matchesFilter, type QuestionFilter } from './filter.js';

/** One file found in a bank folder, already parsed. */
export interface BankFile {
  file: string;
  parsed: ParsedQuestion;
}

/** The questions a set of files can serve, and why the others cannot be served. */
export class Bank {
  private readonly byId: ReadonlyMap<string, Question>;

  private constructor(
    /** Questions that loaded without errors, first file wins on a duplicate id, sorted by id. */
    readonly questions: readonly Question[],
    /** Errors that kept files out of the bank, and duplicate ids. */
    readonly diagnostics: readonly Diagnostic[],
    /** Files that were not served. */
    readonly skippedFiles: readonly string[],
  ) {
    this.byId = new Map(questions.map((q) => [q.frontmatter.id, q]));
  }

  static build(files: readonly BankFile[]): Bank {
    const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const diagnostics: Diagnostic[] = [];
    const usable: Question[] = [];
    const skipped: string[] = [];
    for (const { file, parsed } of sorted) {
      if (parsed.usable && parsed.question) usable.push(parsed.question);
      else {
        skipped.push(file);
        diagnostics.push(...blockingErrors(parsed, file));
      }
    }
    const duplicates = lintBank(usable);
    diagnostics.push(...duplicates);
    const served = new Map<string, Question>();
    for (const question of usable) {
      if (served.has(question.frontmatter.id)) skipped.push(question.file);
      else served.set(question.frontmatter.id, question);
    }
    const questions = [...served.values()].sort((a, b) => (a.frontmatter.id < b.frontmatter.id ? -1 : 1));
    return new Bank(questions, diagnostics, skipped);
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  filter(filter: QuestionFilter): Question[] {
    return this.questions.filter((question) => matchesFilter(question, filter));
  }
}
