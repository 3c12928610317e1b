import { RULES_BY_FACT } from '../../src/core/lint/index.js';
import type { LintDiagnostic } from '../../src/core/lint/rule.js';
import { lintParsed } from '../../src/core/lint/run.js';
import type { ParsedQuestion } from '../../src/core/parse/parse-question.js';

/**
 * What the parser saw, as lint reports it: the findings of the rules of the parser's facts
 * (default settings), in file order; no finding of a check of the model.
 */
export function parseFindings(parsed: ParsedQuestion, file = 'q.md'): LintDiagnostic[] {
  const ids = new Set(parsed.facts.map((fact) => RULES_BY_FACT.get(fact.fact)?.id));
  return lintParsed(parsed, file).filter((d) => ids.has(d.ruleId));
}
