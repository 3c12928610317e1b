import type { Diagnostic } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { BANK_RULES } from '../lint/bank-rules/index.js';
import { lintBankEntries } from '../lint/run-bank.js';
import { blockingErrors } from '../lint/run.js';
import type { BankEntry } from '../lint/rule.js';
import type { ParsedQuestion } from '../parse/parse-question.js';
import { matchesFilter, type QuestionFilter } from './filter.js';
import { summariseQuestion, type QuestionSummary } from './summary.js';

export type { QuestionSummary } from './summary.js';

/** One file found in a bank folder, already parsed. */
export interface BankFile {
  file: string;
  parsed: ParsedQuestion;
}

/** What a bank needs of one file to decide whether it serves it: its id and summary, or why not. */
export interface BankRecord {
  /** The file, as named in output. */
  file: string;
  /** The question's id, when nothing keeps the file out of a bank. */
  id?: string;
  /**
   * With `id`: the summary, or how to get it. A large bank's index holds summaries as text read
   * only when a command lists or filters questions; `show ID` needs none of them.
   */
  summary?: QuestionSummary | (() => QuestionSummary | undefined);
  /** The errors that keep the file out (`blockingErrors`); empty when it has an id. */
  blocking: readonly Diagnostic[];
}

/** The whole question of a served file (read and parsed again), or undefined when it no longer is one. */
export type QuestionLoader = (file: string) => Question | undefined;

/**
 * The bank rules that decide what a bank serves. Only `id-duplicate` is one, and it reports
 * only ids used more than once: only those files' summaries are needed (a test holds this).
 */
export const STRUCTURAL_BANK_RULES = BANK_RULES.filter((rule) => rule.structural);

interface Served {
  file: string;
  id: string;
  summary: BankRecord['summary'];
}

/**
 * The questions a set of files can serve, and why the others cannot be served. A bank holds
 * ids and summaries (`list`); a question's whole model is loaded when asked for (`get`,
 * `filter`), so a command about one question of a large bank parses one file.
 */
export class Bank {
  private readonly byId: ReadonlyMap<string, Served>;
  private readonly loaded = new Map<string, Question | undefined>();
  private listed: QuestionSummary[] | undefined;

  private constructor(
    private readonly served: readonly Served[],
    /** Errors that kept files out of the bank, and duplicate ids. */
    readonly diagnostics: readonly Diagnostic[],
    /** Files that were not served. */
    readonly skippedFiles: readonly string[],
    private readonly load: QuestionLoader,
  ) {
    this.byId = new Map(served.map((s) => [s.id, s]));
  }

  /** A bank of files parsed already; their models are kept. */
  static build(files: readonly BankFile[]): Bank {
    const models = new Map<string, Question>();
    const records = files.map(({ file, parsed }): BankRecord => {
      if (parsed.usable && parsed.question) {
        models.set(file, parsed.question);
        return { file, id: parsed.question.frontmatter.id, summary: summariseQuestion(parsed.question), blocking: [] };
      }
      return { file, blocking: blockingErrors(parsed, file) };
    });
    return Bank.fromRecords(records, (file) => models.get(file));
  }

  /** A bank of indexed files; `load` reads a served one when its whole question is needed. */
  static fromRecords(records: readonly BankRecord[], load: QuestionLoader): Bank {
    const sorted = [...records].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const diagnostics: Diagnostic[] = [];
    const usable: Served[] = [];
    const skipped: string[] = [];
    const uses = new Map<string, number>();
    for (const record of sorted) {
      if (record.id !== undefined && record.blocking.length === 0) {
        usable.push({ file: record.file, id: record.id, summary: record.summary });
        uses.set(record.id, (uses.get(record.id) ?? 0) + 1);
      } else {
        skipped.push(record.file);
        for (const diagnostic of record.blocking) diagnostics.push(diagnostic);
      }
    }
    const shared: BankEntry[] = [];
    for (const entry of usable) {
      if ((uses.get(entry.id) ?? 0) < 2) continue;
      const summary = summaryOf(entry);
      if (summary) shared.push({ file: entry.file, id: entry.id, idSpan: summary.idSpan });
    }
    for (const duplicate of lintBankEntries(shared, { rules: STRUCTURAL_BANK_RULES })) diagnostics.push(duplicate);
    const served = new Map<string, Served>();
    for (const entry of usable) {
      if (served.has(entry.id)) skipped.push(entry.file);
      else served.set(entry.id, entry);
    }
    const byId = [...served.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    return new Bank(byId, diagnostics, skipped, load);
  }

  /** The ids served, sorted. */
  get ids(): string[] {
    return this.served.map((s) => s.id);
  }

  /** Summaries of the questions served, sorted by id. */
  get summaries(): readonly QuestionSummary[] {
    if (!this.listed) {
      this.listed = [];
      for (const entry of this.served) {
        const summary = summaryOf(entry);
        if (summary) this.listed.push(summary);
      }
    }
    return this.listed;
  }

  /** Every served question's whole model (each file read again: prefer `list` or `get`). */
  get questions(): Question[] {
    return this.fullQuestions(this.summaries);
  }

  /** The whole question with this id, or undefined when the bank does not serve it. */
  get(id: string): Question | undefined {
    const entry = this.byId.get(id);
    if (!entry) return undefined;
    if (!this.loaded.has(id)) {
      const question = this.load(entry.file);
      // Changed since the bank was read (between two steps of one command): it is not that question now.
      this.loaded.set(id, question?.frontmatter.id === id ? question : undefined);
    }
    return this.loaded.get(id);
  }

  /** Summaries of the questions that pass a filter, sorted by id. */
  list(filter: QuestionFilter = {}): QuestionSummary[] {
    return this.summaries.filter((summary) => matchesFilter(summary, filter));
  }

  /** Whole questions that pass a filter, sorted by id. */
  filter(filter: QuestionFilter): Question[] {
    return this.fullQuestions(this.list(filter));
  }

  private fullQuestions(summaries: readonly QuestionSummary[]): Question[] {
    const out: Question[] = [];
    for (const summary of summaries) {
      const question = this.get(summary.frontmatter.id);
      if (question) out.push(question);
    }
    return out;
  }
}

/** A served file's summary, read (once) when it is given as a function. */
function summaryOf(entry: Served): QuestionSummary | undefined {
  if (typeof entry.summary === 'function') entry.summary = entry.summary();
  return entry.summary;
}
