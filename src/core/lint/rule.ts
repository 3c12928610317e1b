import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Span } from '../model/position.js';
import type { Question } from '../model/question.js';
import type { LineIndex } from '../parse/line-index.js';
import type { ScoringConfig } from '../score/config.js';
import type { Lexicon } from '../score/lexicon.js';
import type { ScoreResult } from '../score/result.js';

/** A safe, mechanical repair: replace the text of `span` (in the file as saved) with `text`. */
export interface Fix {
  span: Span;
  text: string;
}

/** A diagnostic that may carry a fix (`qbank lint --fix` applies it; reporters ignore it). */
export interface LintDiagnostic extends Diagnostic {
  fix?: Fix;
}

/** What a rule reports: a message id with its slot values, where, and optionally a fix. */
export interface Finding {
  messageId: string;
  span: Span;
  data?: Record<string, string | number>;
  fix?: Fix;
}

/** The scorer's verdict on a question's own sample answers, computed once per file. */
export interface SampleScores {
  excellent?: ScoreResult;
  acceptable?: ScoreResult;
}

/** What a rule's check may use besides the question. */
export interface RuleContext {
  /** The file as named in diagnostics. */
  file: string;
  /** The file's text, BOM dropped and line breaks as LF. */
  text: string;
  /** Offsets, lines and columns of `text` (built on first use). */
  readonly lines: LineIndex;
  /** Options for this rule from the config file (empty when none). */
  options: Readonly<Record<string, unknown>>;
  /** Services the core cannot provide itself (file existence, the scorer), when the caller has them. */
  services: RuleServices;
  /**
   * The scores of the question's own samples against its rubric; the rubric is compiled and
   * each sample scored once per file, whichever rules ask. Undefined without a scorer or for
   * multiple-choice questions.
   */
  sampleScores(): SampleScores | undefined;
  /** Reports one finding; `data` fills the `{{name}}` slots of the message template. */
  report(finding: Finding): void;
}

/** The scorer's configuration, loaded by the caller. */
export interface ScoringServices {
  lexicon: Lexicon;
  config: ScoringConfig;
}

/** Capabilities passed in from outside the core; a rule that needs one that is absent does nothing. */
export interface RuleServices {
  /** Whether a file named in a question's metadata exists, relative to the question file. */
  fileExists?: (fromFile: string, name: string) => boolean;
  /** The scorer, for rules that check a rubric against its own samples. */
  scoring?: ScoringServices;
}

/** One lint rule: one file in `rules/`, one docs entry in `docs/rules.md`. */
export interface Rule {
  /** Stable kebab-case id used in config files and `qbank-disable` comments. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** One line for `--help` listings and the docs. */
  description: string;
  /** Message templates by id, with `{{name}}` slots. */
  messages: Record<string, string>;
  /**
   * A structural rule's errors keep a question out of the bank, because commands could not
   * use it safely; so neither a config nor a `qbank-disable` comment can silence them. Other
   * rules only inform authors.
   */
  structural?: boolean;
  /** Whether the rule offers fixes that `qbank lint --fix` applies. */
  fixable?: boolean;
  /** Whether the rule needs the scorer (`services.scoring`); callers load it only when such a rule is on. */
  needsScoring?: boolean;
  /** Options a config file may set, with their defaults (a config value must have the same type). */
  defaultOptions?: Readonly<Record<string, number | string | boolean>>;
  /** Absent when the parser itself reports this rule's findings (they still obey config). */
  check?(question: Question, context: RuleContext): void;
}

/** What a bank rule sees of each question: a small summary, so a large bank need not stay in memory. */
export interface BankEntry {
  /** The file as named in diagnostics. */
  file: string;
  id: string;
  /** Where the id is written. */
  idSpan: Span;
  /** Where the main question (or, for multiple choice, the question) is written. */
  questionSpan?: Span;
  /** MinHash signature of the title and question text; absent when there is no text to compare. */
  signature?: ArrayLike<number>;
  /** Rule ids the file turns off with `qbank-disable` comments (`*` for all). */
  disabled?: string[];
}

/** A rule over the whole bank rather than one file. */
export interface BankRule {
  id: string;
  severity: Severity;
  description: string;
  messages: Record<string, string>;
  /** Whether a bank uses it to decide which files it serves (duplicate ids). */
  structural?: boolean;
  /** Whether the rule needs MinHash signatures in the entries. */
  needsSignatures?: boolean;
  /** Options a config file may set, with their defaults. */
  defaultOptions?: Readonly<Record<string, number | string | boolean>>;
  check(
    entries: readonly BankEntry[],
    report: (file: string, finding: Finding) => void,
    options: Readonly<Record<string, unknown>>,
  ): void;
}

/** Fills `{{name}}` slots of a template. Unknown slots are left as written. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export type { Diagnostic };
