import type { ScoringConfig } from '../score/config.js';
import type { AnswerEvidence, EvidenceSet } from './features.js';
import { rawScore } from './rescore.js';

/** The grade scale: its ends, and the lowest passing grade. */
export interface GradeScale {
  min: number;
  max: number;
  pass: number;
}

/** The default passing grade: 60% of the way up the scale. */
export const DEFAULT_PASS_SHARE = 0.6;

/** Where on the grade scale each band starts: its quartiles. */
export const BAND_SHARES = { needs_improvement: 0.25, good: 0.5, excellent: 0.75 } as const;

/** The grade the pass mark and each band edge stand for on this scale. */
export function gradeEdges(scale: GradeScale): { pass: number; needs_improvement: number; good: number; excellent: number } {
  const at = (share: number) => scale.min + share * (scale.max - scale.min);
  return { pass: scale.pass, needs_improvement: at(BAND_SHARES.needs_improvement), good: at(BAND_SHARES.good), excellent: at(BAND_SHARES.excellent) };
}

const EPS = 1e-9;

/** Among `from`…`to`, the values where `value` is highest: the middle of the widest such run (the first on a tie). */
export function bestOf(from: number, to: number, value: (t: number) => number): { at: number; value: number } {
  let best = -Infinity;
  for (let t = from; t <= to; t++) best = Math.max(best, value(t));
  let run = { start: from, length: 0 };
  for (let t = from; t <= to; t++) {
    if (value(t) < best - EPS) continue;
    let end = t;
    while (end < to && value(end + 1) >= best - EPS) end++;
    if (end - t + 1 > run.length) run = { start: t, length: end - t + 1 };
    t = end;
  }
  return { at: run.start + Math.floor((run.length - 1) / 2), value: best };
}

/** The pass mark and band edges set from the grades, and those kept, with why. */
export interface ThresholdFit {
  config: ScoringConfig;
  /** Keys kept at their current value (`bands.excellent`), and why. */
  kept: Map<string, string>;
}

/**
 * The score that the most answers agree with as a cut at `grade`: score >= it exactly when the
 * answer is graded `grade` or more. An answer that is not `eligible` (capped below any cut) is
 * taken as under it. Undefined when every answer is graded on the same side.
 */
export function separatingScore(scores: readonly number[], grades: readonly number[], grade: number, eligible: (i: number) => boolean = () => true): number | undefined {
  const above = grades.map((g) => g >= grade - EPS);
  if (!above.includes(true) || !above.includes(false)) return undefined;
  // at[s]: answers scoring s (eligible ones), graded above (+1 when reached) or below (-1 when reached).
  const gain = new Float64Array(101);
  let agreeAtTop = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!above[i]) agreeAtTop++;
    if (!eligible(i)) continue;
    const s = Math.max(0, Math.min(100, Math.round(scores[i] as number)));
    gain[s] = (gain[s] as number) + (above[i] ? 1 : -1);
  }
  // agree(t) = answers graded below that score under t + answers graded above that reach t.
  const agree = new Float64Array(102);
  agree[101] = agreeAtTop;
  for (let t = 100; t >= 1; t--) agree[t] = (agree[t + 1] as number) + (gain[t] as number);
  return bestOf(1, 100, (t) => agree[t] as number).at;
}

/**
 * Sets the pass mark and band edges from the grades. Each is the score that the most answers
 * agree with as a cut at its grade (`separatingScore`): `pass` at the passing grade, and the
 * band edges at the scale's quartiles (`excellent` tells the top quarter of the scale from the
 * rest, `good` the upper half, `needs_improvement` all but the bottom quarter). On a tie, the
 * middle of the run of best scores. An answer that reads as a keyword list is capped below
 * `pass` and `good` whatever they are, so it counts as under them, and with its capped score
 * for `needs_improvement`.
 *
 * A cut keeps its current value when no answer is graded on one side of it, and a band edge
 * does when its cut falls on the wrong side of `good`'s (the grades do not tell those two bands
 * apart by score): then it stays where it was, or one point past `good` when that is out of order.
 */
export function fitThresholds(answers: readonly AnswerEvidence[], config: ScoringConfig, taken: EvidenceSet['credit'], scale: GradeScale): ThresholdFit {
  const edges = gradeEdges(scale);
  const scores = answers.map((a) => Math.min(100, Math.max(0, Math.round(rawScore(a, config, taken)))));
  const grades = answers.map((a) => a.grade);
  const uncapped = (i: number) => !(answers[i] as AnswerEvidence).listLike;
  const kept = new Map<string, string>();
  const cut = (key: string, grade: number, list = scores, eligible = uncapped) => {
    const found = separatingScore(list, grades, grade, eligible);
    if (found === undefined) kept.set(key, 'no answer is graded on one side of it');
    return found;
  };
  const current = config.bands;
  const pass = cut('pass', edges.pass) ?? config.pass;
  const good = Math.max(2, Math.min(99, cut('bands.good', edges.good) ?? current.good));
  let excellent = cut('bands.excellent', edges.excellent) ?? current.excellent;
  if (excellent <= good) {
    if (!kept.has('bands.excellent')) kept.set('bands.excellent', "its best cut is not above good's: by score, these grades do not tell excellent answers from good ones");
    excellent = current.excellent > good ? current.excellent : good + 1;
  }
  const cap = Math.min(pass, good) - 1;
  const capped = answers.map((a, i) => (a.listLike ? Math.min(scores[i] as number, cap) : (scores[i] as number)));
  let needs = cut('bands.needs_improvement', edges.needs_improvement, capped, () => true) ?? current.needs_improvement;
  if (needs >= good) {
    if (!kept.has('bands.needs_improvement')) kept.set('bands.needs_improvement', "its best cut is not below good's: by score, these grades do not tell needs-improvement answers from good ones");
    needs = current.needs_improvement < good ? current.needs_improvement : good - 1;
  }
  return { config: { ...config, pass, bands: { excellent, good, needs_improvement: Math.max(1, needs) } }, kept };
}
