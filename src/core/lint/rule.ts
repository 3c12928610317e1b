import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Span } from '../model/position.js';
import type { Question } from '../model/question.js';
import type { FactKind, ParseFact } from '../parse/facts.js';
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

/** The values that fill a message template's `{{name}}` slots. */
export type MessageData = Readonly<Record<string, string | number>>;

/** What a rule reports: one of its own message ids with its slot values, where, and optionally a fix. */
export interface Finding<M extends string = string> {
  messageId: M;
  span: Span;
  data?: MessageData;
  fix?: Fix;
}

/** A rule's options: the values a config file may set, each of a fixed type. */
export type RuleOptions = Readonly<Record<string, number | string | boolean>>;

/** The scorer's verdict on a question's own sample answers, computed once per file. */
export interface SampleScores {
  excellent?: ScoreResult;
  acceptable?: ScoreResult;
}

/** What a rule's check may use besides the question; typed by the rule's message ids and options. */
export interface RuleContext<M extends string = string, O extends RuleOptions = RuleOptions> {
  /** The file as named in diagnostics. */
  file: string;
  /** The file's text, BOM dropped and line breaks as LF. */
  text: string;
  /** Offsets, lines and columns of `text` (built on first use). */
  readonly lines: LineIndex;
  /** The rule's options: its defaults with what the config file sets merged over them. */
  options: Readonly<O>;
  /** Services the core cannot provide itself (file existence, the scorer), when the caller has them. */
  services: RuleServices;
  /**
   * The scores of the question's own samples against its rubric; the rubric is compiled and
   * each sample scored once per file, whichever rules ask. Undefined without a scorer or for
   * multiple-choice questions (or files with no model).
   */
  sampleScores(): SampleScores | undefined;
  /** Reports one finding; `data` fills the `{{name}}` slots of the message template. */
  report(finding: Finding<M>): void;
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

/** What a rule says about itself, for config, docs, `--help` listings and SARIF. */
export interface RuleMeta {
  /** Stable kebab-case id used in config files and `qbank-disable` comments. */
  id: string;
  /** Default severity. */
  severity: Severity;
  /** One line for `--help` listings and the docs. */
  description: string;
  /**
   * A structural rule's errors keep a question out of the bank, because commands could not
   * use it safely (a bank rule's: a duplicate id); so neither a config nor a `qbank-disable`
   * comment can silence them. Other rules only inform authors.
   */
  structural?: boolean;
}

/**
 * One lint rule: one file in `rules/`, made by `createRule`, one docs entry in `docs/rules.md`.
 * It finds what it reports on the model (`check`), on the parser's facts (`facts`), or both.
 */
export interface Rule<M extends string = string, O extends RuleOptions = RuleOptions> extends RuleMeta {
  /** Message templates by id, with `{{name}}` slots. */
  messages: Readonly<Record<M, string>>;
  /** Whether the rule offers fixes that `qbank lint --fix` applies. */
  fixable?: boolean;
  /** Whether the rule needs the scorer (`services.scoring`); callers load it only when such a rule is on. */
  needsScoring?: boolean;
  /** Options a config file may set, with their defaults (a config value must have the same type). */
  defaultOptions: Readonly<O>;
  /** The kinds of parser fact this rule reports (each kind has one rule). */
  facts: readonly FactKind[];
  /** The options the rule runs with: the defaults, with the configured values of the right type over them. */
  options(configured?: Readonly<Record<string, unknown>>): Readonly<O>;
  /** Checks the model; absent when the rule only reports facts. */
  check?(question: Question, context: RuleContext<M, O>): void;
  /** Reports a fact of one of its kinds. */
  reportFact(fact: ParseFact, context: RuleContext<M, O>): void;
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

/** A rule over the whole bank rather than one file, made by `createBankRule`. */
export interface BankRule<M extends string = string, O extends RuleOptions = RuleOptions> extends RuleMeta {
  messages: Readonly<Record<M, string>>;
  /** Whether the rule needs MinHash signatures in the entries. */
  needsSignatures?: boolean;
  /** Options a config file may set, with their defaults. */
  defaultOptions: Readonly<O>;
  /** The options the rule runs with: the defaults, with the configured values of the right type over them. */
  options(configured?: Readonly<Record<string, unknown>>): Readonly<O>;
  check(entries: readonly BankEntry[], report: (file: string, finding: Finding<M>) => void, options: Readonly<O>): void;
}

/**
 * The message of one of a rule's findings. A rule made by `createRule` can only name its own
 * message ids; one that names another is a bug, and says so rather than print the id.
 */
export function ruleMessage(rule: { id: string; messages: Readonly<Record<string, string>> }, finding: Pick<Finding, 'messageId' | 'data'>): string {
  const template = Object.prototype.hasOwnProperty.call(rule.messages, finding.messageId) ? rule.messages[finding.messageId] : undefined;
  if (template === undefined) throw new Error(`Rule ${rule.id} has no message "${finding.messageId}"`);
  return formatMessage(template, finding.data);
}

/** Fills `{{name}}` slots of a template. Unknown slots are left as written. */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export type { Diagnostic };
