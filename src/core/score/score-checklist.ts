import { LineIndex } from '../parse/line-index.js';
import { bandFor, listCredit } from './bands.js';
import type { CompiledChecklist } from './compile.js';
import { evaluateItem, evaluateMistakes } from './evaluate.js';
import type { ChecklistResult, ScoreWarning } from './result.js';

/**
 * Scores a follow-up or bar-raiser answer against its checklist: the share of items covered
 * (saturating as configured), less points for red flags it matches.
 */
export function scoreChecklist(checklist: CompiledChecklist, answer: string): ChecklistResult {
  const { analyzer, config } = checklist;
  const doc = analyzer.analyzeAnswer(answer);
  const lines = new LineIndex(doc.text);
  const items = checklist.items.map((item) => evaluateItem(doc, item, config, lines));
  const redFlags = evaluateMistakes(doc, checklist.redFlags, config, lines);
  const covered = items.reduce((sum, item) => sum + item.credit, 0);
  const penalty = redFlags.reduce((sum, flag) => sum + flag.penalty, 0);
  const score = Math.max(0, Math.min(100, Math.round(100 * listCredit(covered, items.length, config.saturation.followUpItems) - penalty)));
  const warnings: ScoreWarning[] = doc.truncated
    ? [{ code: 'answer-truncated', message: `Only the first ${config.matching.maxAnswerChars} characters of the answer were scored` }]
    : [];
  const band = bandFor(score, config);
  return { score, band, passed: score >= config.pass, items, redFlags, warnings };
}
