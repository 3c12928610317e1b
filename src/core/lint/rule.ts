import type { Diagnostic, Severity } from '../model/diagnostic.js';
import type { Span } from '../model/position.js';
import type { Question } from '../model/question.js';

/** What a rule's check may use besides the question. */
export interface RuleContext {
  /** The file as named in diagnostics. */
  file: string;
  /** The file's text, BOM dropped and line breaks as LF. */
  text: string;
  /** Options for this rule from the config file (empty when none). */
  options: Readonly<Record<string, unknown>>;
  /** Services the core cannot provide itself (file existence, the scorer), when the caller has them. */
  services: RuleServices;
  /** Reports one finding; `data` fills the `{{name}}` slots of the message template. */
  report(finding: { messageId: string; span: Span; data?: Record<string, string | number> }): void;
}

/** Capabilities passed in from outside the core; a rule that needs one that is absent does nothing. */
export interface RuleServices {
  /** Whether a file named in a question's metadata exists, relative to the question file. */
  fileExists?: (fromFile: string, name: string) => boolean;
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
   * use it safely. Other rules only inform authors.
   */
  structural?: boolean;
  /** Absent when the parser itself reports this rule's findings (they still obey config). */
  check?(question: Question, context: RuleContext): void;
}

/** A rule over the whole bank rather than one file. */
export interface BankRule {
  id: string;
  severity: Severity;
  description: string;
  messages: Record<string, string>;
  check(questions: readonly Question[], report: (file: string, finding: { messageId: string; span: Span; data?: Record<string, string | number> }) => void): void;
}

/** Fills `{{name}}` slots of a template. Unknown slots are left as written. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

export type { Diagnostic };
