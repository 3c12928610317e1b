import type { Diagnostic } from '../model/diagnostic.js';
import { compareDiagnostics, diagnosticAt } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { BANK_RULES } from './bank-rules/index.js';
import { bankEntry } from './bank-entry.js';
import { ruleMessage, type BankEntry, type BankRule } from './rule.js';
import { blockingMessage, configuredSeverity, ruleSetting, type RuleSetting } from './settings.js';

/** Runs bank rules over a set of questions; by default the structural ones (what a bank needs). */
export function lintBank(questions: readonly Question[], rules: readonly BankRule[] = BANK_RULES.filter((r) => r.structural)): Diagnostic[] {
  const signatures = rules.some((rule) => rule.needsSignatures);
  return lintBankEntries(questions.map((question) => bankEntry(question, { signatures })), { rules });
}

/** Whether any enabled bank rule needs MinHash signatures (so entries are worth computing them for). */
export function bankNeedsSignatures(settings: Readonly<Record<string, RuleSetting>> = {}): boolean {
  return BANK_RULES.some((rule) => rule.needsSignatures && configuredSeverity(rule.severity, settings[rule.id]) !== 'off');
}

/**
 * Runs bank rules over question summaries, with config severities and options applied. A
 * structural rule's errors (a duplicate id keeps a file out of the bank) stay errors whatever
 * the config or a `qbank-disable` comment says, with a note.
 */
export function lintBankEntries(
  entries: readonly BankEntry[],
  options: { rules?: readonly BankRule[]; settings?: Readonly<Record<string, RuleSetting>> } = {},
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const disabled = new Map<string, readonly string[]>();
  for (const entry of entries) if (entry.disabled && entry.disabled.length > 0) disabled.set(entry.file, entry.disabled);
  for (const rule of options.rules ?? BANK_RULES) {
    const { severity, options: ruleOptions } = ruleSetting(rule, options.settings?.[rule.id]);
    if (severity === 'off' && !rule.structural) continue;
    rule.check(
      entries,
      (file, { messageId, span, data }) => {
        const off = disabled.get(file);
        const byComment = off !== undefined && (off.includes('*') || off.includes(rule.id));
        const message = ruleMessage(rule, { messageId, data });
        if (rule.structural) found.push(diagnosticAt(file, span, rule.id, 'error', blockingMessage(message, rule.id, byComment, severity)));
        else if (!byComment && severity !== 'off') found.push(diagnosticAt(file, span, rule.id, severity, message));
      },
      ruleOptions,
    );
  }
  return found.sort(compareDiagnostics);
}
