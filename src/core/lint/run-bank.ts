import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticAt } from '../model/diagnostic.js';
import type { Question } from '../model/question.js';
import { BANK_RULES } from './bank-rules/index.js';
import { formatMessage, type BankRule } from './rule.js';

/** Runs bank rules over a set of questions. */
export function lintBank(questions: readonly Question[], rules: readonly BankRule[] = BANK_RULES): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    rule.check(questions, (file, { messageId, span, data }) => {
      found.push(diagnosticAt(file, span, rule.id, rule.severity, formatMessage(rule.messages[messageId] ?? messageId, data)));
    });
  }
  return found;
}
