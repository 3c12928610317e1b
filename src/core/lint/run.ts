import type { Diagnostic } from '../model/diagnostic.js';
import { compareDiagnostics, diagnosticAt } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { LineIndex } from '../parse/line-index.js';
import type { ParsedQuestion } from '../parse/parse-question.js';
import type { ParseFact } from '../parse/facts.js';
import { RULES, RULES_BY_FACT, RULES_BY_ID } from './index.js';
import { ruleMessage, type LintDiagnostic, type Rule, type RuleContext, type RuleOptions, type RuleServices, type SampleScores } from './rule.js';
import { scoreSamples } from './sample-scores.js';
import { FindingsCap } from './findings-cap.js';
import { blockingMessage, configuredSeverity, disabledRules, ruleSetting, type RuleSetting } from './settings.js';

export { disabledRules, lintNeedsScoring, ruleSetting, type RuleSetting } from './settings.js';

export interface LintOptions {
  /** Settings by rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  services?: RuleServices;
}

/** Lints one parsed file: the parser's facts and every rule's check, with config and disables applied. */
export function lintParsed(parsed: ParsedQuestion, file: string, options: LintOptions = {}): LintDiagnostic[] {
  const found: LintDiagnostic[] = [];
  const { question } = parsed;
  const ruleSettings = options.rules ?? {};
  const disabled = disabledRules(parsed.text);
  // At most MAX_FINDINGS_PER_RULE of one rule in a file, then "… and N more" (findings-cap.ts).
  const context = new FileContext(question, file, parsed.text, options.services ?? {});
  const contexts = new Map<Rule, RuleContext | undefined>();
  const contextFor = (rule: Rule): RuleContext | undefined => {
    if (contexts.has(rule)) return contexts.get(rule);
    const { severity, options: ruleOptions } = ruleSetting(rule, ruleSettings[rule.id]);
    // A structural rule always runs: its errors keep the file out of a bank, so lint must show them.
    const off = !rule.structural && (severity === 'off' || disabled.has('*') || disabled.has(rule.id));
    const ruleContext = off ? undefined : context.forRule(rule, ruleOptions, found);
    contexts.set(rule, ruleContext);
    return ruleContext;
  };
  reportFacts(parsed.facts, contextFor);
  if (question) {
    for (const rule of RULES) {
      const ruleContext = rule.check ? contextFor(rule) : undefined;
      if (ruleContext) rule.check?.(question, ruleContext);
    }
  }
  for (const summary of context.cap.summaries()) found.push(summary);
  // A file that could not be read as text (too large, not UTF-8) has no text to hold positions to.
  const inFile = parsed.text === '' ? found : clampToText(found, parsed.text);
  return applySettings(inFile, parsed.text, ruleSettings).sort(compareDiagnostics);
}

/**
 * The errors that keep a file out of a bank: the structural rules', on the parser's facts and
 * on the model, whatever a config or a `qbank-disable` comment says. Empty when the file is usable.
 */
export function blockingErrors(parsed: Pick<ParsedQuestion, 'question' | 'facts' | 'text'>, file: string): Diagnostic[] {
  const found: LintDiagnostic[] = [];
  const { question } = parsed;
  const context = new FileContext(question, file, parsed.text, {});
  // Every fact is listed, as the parser finds them; the checks keep to the cap.
  const everyFact = new FindingsCap(Number.POSITIVE_INFINITY);
  const contexts = new Map<Rule, RuleContext>();
  reportFacts(parsed.facts, (rule) => {
    if (!rule.structural) return undefined;
    const ruleContext = contexts.get(rule) ?? context.forRule(rule, rule.options(), found, everyFact);
    contexts.set(rule, ruleContext);
    return ruleContext;
  });
  if (question) {
    for (const rule of RULES) {
      if (rule.check && rule.structural) rule.check(question, context.forRule(rule, rule.options(), found));
    }
  }
  return found.filter(isBlocking).sort(compareDiagnostics);
}

/** Hands each fact, in the order the parser found it, to the rule of its kind when that rule runs. */
function reportFacts(facts: readonly ParseFact[], contextFor: (rule: Rule) => RuleContext | undefined): void {
  for (const fact of facts) {
    const rule = RULES_BY_FACT.get(fact.fact);
    const ruleContext = rule ? contextFor(rule) : undefined;
    if (rule && ruleContext) rule.reportFact(fact, ruleContext);
  }
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
    readonly question: Question | undefined,
    readonly file: string,
    readonly text: string,
    readonly services: RuleServices,
  ) {}

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.text);
    return this.lineIndex;
  }

  sampleScores(): SampleScores | undefined {
    this.samples ??= { value: this.services.scoring && this.question ? scoreSamples(this.question, this.services.scoring) : undefined };
    return this.samples.value;
  }

  forRule(rule: Rule, options: RuleOptions, found: LintDiagnostic[], cap: FindingsCap = this.cap): RuleContext {
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
      report: (finding) => {
        const kept = cap.admit(rule.id);
        if (!kept && !cap.wantsDropped(rule.id)) return;
        const diagnostic: LintDiagnostic = diagnosticAt(this.file, finding.span, rule.id, rule.severity, ruleMessage(rule, finding));
        if (finding.fix) diagnostic.fix = finding.fix;
        if (kept) found.push(diagnostic);
        else cap.drop(diagnostic);
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
    const severity = configuredSeverity(rule?.severity ?? diagnostic.severity, ruleSettings[diagnostic.ruleId]);
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
