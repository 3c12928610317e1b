import { existsSync } from 'node:fs';
import path from 'node:path';
import { bankEntry } from '../core/lint/bank-entry.js';
import { lintText } from '../core/lint/lint-text.js';
import type { BankEntry, LintDiagnostic, RuleServices } from '../core/lint/rule.js';
import { disabledRules, type RuleSetting } from '../core/lint/settings.js';
import { loadScoringSetup } from './scoring-files.js';

/** How every file of one lint run is checked; plain data, so it can be sent to a worker thread. */
export interface EngineOptions {
  rules: Record<string, RuleSetting>;
  /** The working folder: file labels are relative to it. */
  cwd: string;
  /** The rubrics folder: the scoring configuration, and where GUIDELINES.md lives. */
  rubricsDir: string;
  /** Whether to load the scorer (a rule that needs it is on). */
  scoring: boolean;
  /** Whether bank entries need MinHash signatures. */
  signatures: boolean;
}

/** One file to check: its text as read (BOM and CRLF kept). */
export interface LintJob {
  /** The absolute path. */
  path: string;
  /** The name diagnostics use. */
  label: string;
  text: string;
  fix: boolean;
}

/** What checking one file gives; small, so a big bank's results fit in memory without the files. */
export interface FileResult {
  diagnostics: LintDiagnostic[];
  /** The summary bank rules need; absent when the file is not a question. */
  entry?: BankEntry;
  /** With fixing: the repaired text, when something changed. */
  output?: string;
  fixed?: number;
  /** Files whose existence a rule checked, and what it found (a cached result holds while these do). */
  deps: Array<[string, boolean]>;
  /** Not to be cached: the file could not be checked (a worker stopped on it), which may not happen again. */
  uncached?: boolean;
}

/** Checks files one at a time with one configuration; the same in the main thread and in workers. */
export class LintEngine {
  private readonly exists = new Map<string, boolean>();
  private deps: Array<[string, boolean]> = [];
  private readonly services: RuleServices;

  private constructor(
    readonly options: EngineOptions,
    scoring: RuleServices['scoring'],
  ) {
    this.services = { scoring, fileExists: (from, name) => this.fileExists(from, name) };
  }

  /** Loads what the rules need (the scorer only when a rule that uses it is on). */
  static async open(options: EngineOptions): Promise<LintEngine> {
    const setup = options.scoring ? await loadScoringSetup({}, options.cwd, options.rubricsDir) : undefined;
    return new LintEngine(options, setup ? { lexicon: setup.lexicon, config: setup.config } : undefined);
  }

  lint(job: LintJob): FileResult {
    this.deps = [];
    const result = lintText(job.text, job.label, { rules: this.options.rules, services: this.services, fix: job.fix });
    const out: FileResult = { diagnostics: result.diagnostics, deps: this.deps };
    if (result.question) {
      const disabled = disabledRules(result.output ?? job.text);
      out.entry = bankEntry(result.question, { signatures: this.options.signatures, disabled });
    }
    if (result.output !== undefined) {
      out.output = result.output;
      out.fixed = result.fixed;
    }
    return out;
  }

  /** A name from a question's metadata: next to the question, in the rubrics folder, or from the working folder. */
  private fileExists(fromFile: string, name: string): boolean {
    const candidates = [
      path.resolve(this.options.cwd, path.dirname(fromFile), name),
      path.resolve(this.options.rubricsDir, name),
      path.resolve(this.options.cwd, name),
    ];
    for (const candidate of candidates) {
      let found = this.exists.get(candidate);
      if (found === undefined) {
        found = existsSync(candidate);
        this.exists.set(candidate, found);
      }
      this.deps.push([candidate, found]);
      if (found) return true;
    }
    return false;
  }
}
