import type { Diagnostic } from '../model/diagnostic.js';
import { compareDiagnostics, diagnosticAt } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { LineIndex } from '../parse/line-index.js';
import type { ParsedQuestion } from '../parse/parse-question.js';
import { RULES, RULES_BY_ID } from './index.js';
import { formatMessage, type LintDiagnostic, type Rule, type RuleContext, type RuleServices, type SampleScores } from './rule.js';
import { scoreSamples } from './sample-scores.js';
import { capFindings, FindingsCap } from './findings-cap.js';
import { blockingMessage, disabledRules, ruleSetting, type RuleSetting } from './settings.js';

export { disabledRules, lintNeedsScoring, ruleSetting, type RuleSetting } from './settings.js';

export interface LintOptions {
  /** Settings by rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  services?: RuleServices;
}

/** Lints one parsed file: the parser's findings plus every rule, with config and disables applied. */
export function lintParsed(parsed: ParsedQuestion, file: string, options: LintOptions = {}): LintDiagnostic[] {
  // At most MAX_FINDINGS_PER_RULE of one rule in a file, then "… and N more" (findings-cap.ts).
  const found: LintDiagnostic[] = capFindings(parsed.diagnostics);
  const { question } = parsed;
  const ruleSettings = options.rules ?? {};
  if (question) {
    const disabled = disabledRules(parsed.text);
    const context = new FileContext(question, file, parsed.text, options.services ?? {});
    for (const rule of RULES) {
      if (!rule.check) continue;
      const { severity, options: ruleOptions } = ruleSetting(rule, ruleSettings[rule.id]);
      // A structural rule always runs: its errors keep the file out of a bank, so lint must show them.
      if (!rule.structural && (severity === 'off' || disabled.has('*') || disabled.has(rule.id))) continue;
      rule.check(question, context.forRule(rule, ruleOptions, found));
    }
    for (const summary of context.cap.summaries()) found.push(summary);
  }
  // A file that could not be read as text (too large, not UTF-8) has no text to hold positions to.
  const inFile = parsed.text === '' ? found : clampToText(found, parsed.text);
  return applySettings(inFile, parsed.text, ruleSettings).sort(compareDiagnostics);
}

/**
 * The errors that keep a file out of a bank: the parser's and the structural rules', whatever a
 * config or a `qbank-disable` comment says. Empty when the file is usable.
 */
export function blockingErrors(parsed: Pick<ParsedQuestion, 'question' | 'diagnostics' | 'text'>, file: string): Diagnostic[] {
  const found: LintDiagnostic[] = [...parsed.diagnostics];
  const { question } = parsed;
  if (question) {
    const context = new FileContext(question, file, parsed.text, {});
    for (const rule of RULES) {
      if (rule.check && rule.structural) rule.check(question, context.forRule(rule, ruleSetting(rule, undefined).options, found));
    }
  }
  return found.filter(isBlocking).sort(compareDiagnostics);
}

/** An error of a structural rule (or of reading the file): the file cannot be served while it stands. */
function isBlocking(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && RULES_BY_ID.get(diagnostic.ruleId)?.structural === true;
}

/**
 * Keeps every position inside the file: a finding that points past the end of a line (the YAML
 * library can, for errors in a frontmatter that is never closed) is cut at the line's end.
 */
function clampToText(diagnostics: LintDiagnostic[], text: string): LintDiagnostic[] {
  let lines: LineIndex | undefined;
  return diagnostics.map((d) => {
    lines ??= new LineIndex(text);
    const index = lines;
    const clamp = (line: number, column: number): [number, number] => {
      const l = Math.min(Math.max(1, line), index.lineCount);
      return [l, Math.min(Math.max(1, column), index.lineText(l).length + 1)];
    };
    const [line, column] = clamp(d.line, d.column);
    const [endLine, endColumn] = clamp(d.endLine ?? d.line, d.endColumn ?? d.column);
    const endBeforeStart = endLine < line || (endLine === line && endColumn < column);
    if (line === d.line && column === d.column && endLine === d.endLine && endColumn === d.endColumn && !endBeforeStart) return d;
    return { ...d, line, column, endLine: endBeforeStart ? line : endLine, endColumn: endBeforeStart ? column : endColumn };
  });
}

/** What every rule of one file shares: the line index and the sample scores, each built once. */
class FileContext {
  /** Findings per rule: past the cap they are only counted, not built. */
  readonly cap = new FindingsCap();
  private lineIndex: LineIndex | undefined;
  private samples: { value: SampleScores | undefined } | undefined;

  constructor(
    readonly question: Question,
    readonly file: string,
    readonly text: string,
    readonly services: RuleServices,
  ) {}

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  sampleScores(): SampleScores | undefined {
    this.samples ??= { value: this.services.scoring ? scoreSamples(this.question, this.services.scoring) : undefined };
    return this.samples.value;
  }

  forRule(rule: Rule, options: Record<string, unknown>, found: LintDiagnostic[]): RuleContext {
    const shared = this;
    return {
      file: this.file,
      text: this.text,
      get lines() {
        return shared.lines;
      },
      options,
      services: this.services,
      sampleScores: () => shared.sampleScores(),
      report: ({ messageId, span, data, fix }) => {
        const kept = this.cap.admit(rule.id);
        if (!kept && !this.cap.wantsDropped(rule.id)) return;
        const template = rule.messages[messageId] ?? messageId;
        const diagnostic: LintDiagnostic = diagnosticAt(this.file, span, rule.id, rule.severity, formatMessage(template, data));
        if (fix) diagnostic.fix = fix;
        if (kept) found.push(diagnostic);
        else this.cap.drop(diagnostic);
      },
    };
  }
}

/**
 * Applies config severities and `qbank-disable` comments to findings of one file. An error that
 * keeps the file out of a bank stays an error, with a note, so that a file lint calls clean is
 * always one the bank serves.
 */
export function applySettings<T extends Diagnostic>(
  diagnostics: readonly T[],
  text: string,
  ruleSettings: Readonly<Record<string, RuleSetting>>,
): T[] {
  const disabled = disabledRules(text);
  const result: T[] = [];
  for (const diagnostic of diagnostics) {
    const byComment = disabled.has('*') || disabled.has(diagnostic.ruleId);
    const rule = RULES_BY_ID.get(diagnostic.ruleId);
    const { severity } = ruleSetting(rule ?? diagnostic, ruleSettings[diagnostic.ruleId]);
    if (isBlocking(diagnostic)) {
      const message = blockingMessage(diagnostic.message, diagnostic.ruleId, byComment, severity);
      result.push(message === diagnostic.message ? diagnostic : { ...diagnostic, message });
      continue;
    }
    if (byComment || severity === 'off') continue;
    result.push({ ...diagnostic, severity });
  }
  return result;
}
