import type { Diagnostic, Severity } from '../model/diagnostic.js';
import { compareDiagnostics, diagnosticAt } from '../model/diagnostic.js';
import type { ParsedQuestion } from '../parse/parse-question.js';
import { RULES, RULES_BY_ID } from './index.js';
import { formatMessage, type Rule, type RuleServices } from './rule.js';

/** A rule's setting in a config file: a severity, `off`, or a severity with options. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

export interface LintOptions {
  /** Settings by rule id; rules not named keep their defaults. */
  rules?: Readonly<Record<string, RuleSetting>>;
  services?: RuleServices;
  /** Run only the structural rules (what a bank needs to decide whether to serve a file). */
  structuralOnly?: boolean;
}

// `<!-- qbank-disable rule-a, rule-b -->`; with no ids, every rule is off for the file.
const DISABLE_COMMENT = /<!--\s*qbank-disable\b([^>]*?)-->/g;

/** Rule ids turned off in a file by `qbank-disable` comments; `*` means all. */
export function disabledRules(text: string): Set<string> {
  const disabled = new Set<string>();
  for (const match of text.matchAll(DISABLE_COMMENT)) {
    const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) disabled.add('*');
    for (const id of ids) disabled.add(id);
  }
  return disabled;
}

function setting(rule: Pick<Rule, 'severity'>, value: RuleSetting | undefined): { severity: Severity | 'off'; options: Record<string, unknown> } {
  if (value === undefined) return { severity: rule.severity, options: {} };
  if (Array.isArray(value)) return { severity: value[0], options: value[1] };
  return { severity: value, options: {} };
}

/** Lints one parsed file: the parser's findings plus every rule, with config and disables applied. */
export function lintParsed(parsed: ParsedQuestion, file: string, options: LintOptions = {}): Diagnostic[] {
  const found: Diagnostic[] = [...parsed.diagnostics];
  const { question } = parsed;
  const ruleSettings = options.rules ?? {};
  if (question) {
    for (const rule of RULES) {
      if (!rule.check || (options.structuralOnly && !rule.structural)) continue;
      const { severity, options: ruleOptions } = setting(rule, ruleSettings[rule.id]);
      if (severity === 'off' && !options.structuralOnly) continue;
      rule.check(question, {
        file,
        text: parsed.text,
        options: ruleOptions,
        services: options.services ?? {},
        report: ({ messageId, span, data }) => {
          const template = rule.messages[messageId] ?? messageId;
          found.push(diagnosticAt(file, span, rule.id, rule.severity, formatMessage(template, data)));
        },
      });
    }
  }
  if (options.structuralOnly) return found.filter((d) => d.severity === 'error').sort(compareDiagnostics);
  return applySettings(found, parsed.text, ruleSettings).sort(compareDiagnostics);
}

/** Applies config severities and `qbank-disable` comments to findings of one file. */
export function applySettings(
  diagnostics: readonly Diagnostic[],
  text: string,
  ruleSettings: Readonly<Record<string, RuleSetting>>,
): Diagnostic[] {
  const disabled = disabledRules(text);
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    if (disabled.has('*') || disabled.has(diagnostic.ruleId)) continue;
    const rule = RULES_BY_ID.get(diagnostic.ruleId);
    const { severity } = setting(rule ?? diagnostic, ruleSettings[diagnostic.ruleId]);
    if (severity === 'off') continue;
    result.push({ ...diagnostic, severity });
  }
  return result;
}
