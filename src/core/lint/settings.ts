import type { Severity } from '../model/diagnostic.js';
import { RULES } from './index.js';
import type { RuleOptions } from './rule.js';

/** A rule's setting in a config file: a severity, `off`, or a severity with options. */
export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

// `<!-- qbank-disable rule-a, rule-b -->`; with no ids, every rule is off for the file.
const DISABLE_COMMENT = /<!--\s*qbank-disable\b([^>]*?)-->/g;

/** Rule ids turned off in a file by `qbank-disable` comments; `*` means all. */
export function disabledRules(text: string): Set<string> {
  const disabled = new Set<string>();
  if (!text.includes('qbank-disable')) return disabled;
  for (const match of text.matchAll(DISABLE_COMMENT)) {
    const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) disabled.add('*');
    for (const id of ids) disabled.add(id);
  }
  return disabled;
}

/** Each rule id named in a `qbank-disable` comment, with its offset in the text. */
export function disableCommentIds(text: string): Array<{ id: string; offset: number }> {
  const found: Array<{ id: string; offset: number }> = [];
  if (!text.includes('qbank-disable')) return found;
  for (const match of text.matchAll(DISABLE_COMMENT)) {
    const list = match[1] ?? '';
    const listStart = (match.index ?? 0) + match[0].indexOf(list, match[0].indexOf('qbank-disable') + 'qbank-disable'.length);
    for (const id of list.matchAll(/[^\s,]+/g)) found.push({ id: id[0], offset: listStart + (id.index ?? 0) });
  }
  return found;
}

/**
 * The message of an error that keeps a file out of a bank, as lint shows it. Such an error
 * cannot be silenced: when a `qbank-disable` comment or the config tries, it still shows, and
 * says why.
 */
export function blockingMessage(message: string, ruleId: string, disabledByComment: boolean, configured: Severity | 'off'): string {
  const who = disabledByComment ? 'a qbank-disable comment' : configured !== 'error' ? 'the config' : undefined;
  return who ? `${message} (${who} cannot turn off ${ruleId}: the file would not load until this is fixed)` : message;
}

/** The severity a rule runs at under the given config value. */
export function configuredSeverity(severity: Severity, value: RuleSetting | undefined): Severity | 'off' {
  if (value === undefined) return severity;
  return Array.isArray(value) ? value[0] : value;
}

/** The severity and options a rule runs with under the given config value (the rule merges the options). */
export function ruleSetting<O extends RuleOptions>(
  rule: { severity: Severity; options(configured?: Readonly<Record<string, unknown>>): Readonly<O> },
  value: RuleSetting | undefined,
): { severity: Severity | 'off'; options: Readonly<O> } {
  return { severity: configuredSeverity(rule.severity, value), options: rule.options(Array.isArray(value) ? value[1] : undefined) };
}

/** Whether any rule that needs the scorer is on under these settings. */
export function lintNeedsScoring(settings: Readonly<Record<string, RuleSetting>> = {}): boolean {
  return RULES.some((rule) => rule.needsScoring && configuredSeverity(rule.severity, settings[rule.id]) !== 'off');
}
