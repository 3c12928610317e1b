import type { ScoringConfig } from '../score/config.js';
import type { AnswerEvidence, EvidenceSet } from './features.js';
import { fitShape, fittable, gradesOf, scoresUnder } from './fit.js';
import { FITTED_NUMBERS, valueAt } from './numbers.js';
import { pearson } from './pearson.js';
import { fitThresholds, type GradeScale } from './thresholds.js';

/** Below these, calibrate refuses: a fit to fewer would not say anything about new questions. */
export const MIN_QUESTIONS = 3;
export const MIN_ANSWERS = 30;
export const DEFAULT_FOLDS = 5;

/** Why these answers are too few to calibrate on, or undefined when they are enough. */
export function tooLittleData(answers: readonly { question: string; grade: number }[]): string | undefined {
  const questions = [...new Set(answers.map((a) => a.question))].sort();
  if (answers.length === 0) return 'There are no graded answers to calibrate on';
  if (questions.length < MIN_QUESTIONS) {
    const named = questions.map((q) => `"${q}"`).join(', ');
    return `Calibration needs graded answers to at least ${MIN_QUESTIONS} questions, and these answer only ${questions.length} (${named}): a fit to fewer questions says nothing about new ones`;
  }
  if (answers.length < MIN_ANSWERS) return `Calibration needs at least ${MIN_ANSWERS} graded answers, and there are ${answers.length}; grade more answers first`;
  const grades = new Set(answers.map((a) => a.grade));
  if (grades.size < 2) return `Every answer has the grade ${[...grades][0]}; calibration needs grades that differ`;
  return undefined;
}

/** One number of scoring.yaml: before and after. */
export interface NumberChange {
  key: string;
  current: number;
  fitted: number;
  moved: boolean;
  /** How it was chosen: the range searched (`0.05-0.6`), or `grades` for the pass mark and band edges. */
  searched: string;
  /** Why it was not fitted (or, for a threshold, kept), when it was not. */
  note?: string;
}

/** How the fit did, in the terms a user judges it by. */
export interface CalibrationReport {
  answers: number;
  questions: number;
  scale: GradeScale;
  /** Folds of the cross-validation (whole questions each). */
  folds: number;
  /** Pearson r with the grades: the current config, the fitted one on these answers, and cross-validated. */
  r: { current: number; fitted: number; crossValidated: number };
  /** Share of answers whose pass or fail agrees with their grade's (grade >= the passing grade). */
  passAgreement: { current: number; fitted: number; crossValidated: number };
  /** Every fitted number (and the pass mark and band edges), moved or not. */
  numbers: NumberChange[];
  /** The fitted config. */
  config: ScoringConfig;
  /** Each fold: the questions held out, how many answers they had, and r on them. */
  foldDetails: Array<{ questions: string[]; answers: number; r: number }>;
  /**
   * Whether the fit carries over to new questions: cross-validated r above the current r by more
   * than CARRY_OVER_MARGIN (`yes`), below it by more (`no`), or in between (`same`).
   */
  carriesOver: 'yes' | 'same' | 'no';
  /** Bands the grades did not tell apart (edges closer than MIN_BAND_WIDTH), in words. */
  warnings: string[];
}

/** Cross-validated r must differ from the current r by more than this to count as better or worse. */
export const CARRY_OVER_MARGIN = 0.005;
/** Band edges closer than this many points are reported: the grades do not tell those bands apart. */
export const MIN_BAND_WIDTH = 5;

function bandWarnings(config: ScoringConfig): string[] {
  const { excellent, good, needs_improvement } = config.bands;
  const warnings: string[] = [];
  const close = (upper: number, lower: number, upperName: string, lowerName: string) => {
    if (upper - lower < MIN_BAND_WIDTH) {
      warnings.push(`${upperName} starts ${upper - lower} point${upper - lower === 1 ? '' : 's'} above ${lowerName}: by score, these grades do not tell ${lowerName.replace('_', ' ')} answers from ${upperName.replace('_', ' ')} ones`);
    }
  };
  close(excellent, good, 'excellent', 'good');
  close(good, needs_improvement, 'good', 'needs_improvement');
  return warnings;
}

export interface CalibrateOptions {
  scale: GradeScale;
  /** Folds asked for; fewer when there are fewer questions. */
  folds: number;
  /** Told when each fold of the cross-validation starts (1-based). */
  onFold?: (done: number, total: number) => void;
}

const THRESHOLD_KEYS = ['pass', 'bands.excellent', 'bands.good', 'bands.needs_improvement'] as const;

/** Fits the shape numbers, then the pass mark and band edges. */
function fitAll(answers: readonly AnswerEvidence[], start: ScoringConfig, taken: EvidenceSet['credit'], scale: GradeScale) {
  const { numbers, unused } = fittable(answers);
  const shaped = fitShape(answers, start, taken, numbers);
  const { config, kept } = fitThresholds(answers, shaped, taken, scale);
  return { config, unused, kept };
}

function passAgreement(scores: ArrayLike<number>, answers: readonly AnswerEvidence[], pass: (i: number) => number, scale: GradeScale): number {
  let agree = 0;
  for (let i = 0; i < answers.length; i++) {
    if (((scores[i] as number) >= pass(i)) === ((answers[i] as AnswerEvidence).grade >= scale.pass - 1e-9)) agree++;
  }
  return answers.length === 0 ? 0 : agree / answers.length;
}

/**
 * Fits scoring.yaml to graded answers and measures the fit honestly: r of the current config,
 * r of the fitted one on the answers it was fitted on, and r under K-fold cross-validation by
 * question (fit on the other folds' questions, score the held-out ones; their scores pooled).
 * Folds: the questions sorted by id, dealt out in turn. Pure and deterministic.
 */
export function calibrate(evidence: EvidenceSet, current: ScoringConfig, options: CalibrateOptions): CalibrationReport {
  const { answers, credit: taken } = evidence;
  const { scale } = options;
  const grades = gradesOf(answers);
  const questions = [...new Set(answers.map((a) => a.question))].sort();
  const folds = Math.max(2, Math.min(options.folds, questions.length));

  const currentScores = Float64Array.from(answers, (a) => a.score);
  const fitted = fitAll(answers, current, taken, scale);
  const fittedScores = scoresUnder(answers, fitted.config, taken);

  const foldOf = new Map(questions.map((q, i) => [q, i % folds]));
  const heldOut = new Float64Array(answers.length);
  const heldOutPass = new Float64Array(answers.length);
  const foldDetails: CalibrationReport['foldDetails'] = [];
  for (let k = 0; k < folds; k++) {
    options.onFold?.(k + 1, folds);
    const inFold = (a: AnswerEvidence) => foldOf.get(a.question) === k;
    const train = answers.filter((a) => !inFold(a));
    const { config } = fitAll(train, current, taken, scale);
    const indices: number[] = [];
    answers.forEach((a, i) => {
      if (!inFold(a)) return;
      indices.push(i);
      heldOutPass[i] = config.pass;
    });
    const test = indices.map((i) => answers[i] as AnswerEvidence);
    const scores = scoresUnder(test, config, taken);
    indices.forEach((i, j) => (heldOut[i] = scores[j] as number));
    foldDetails.push({ questions: questions.filter((q) => foldOf.get(q) === k), answers: test.length, r: pearson(scores, gradesOf(test)) });
  }

  const numbers: NumberChange[] = [];
  const change = (key: string, searched: string, note?: string) => {
    const before = valueAt(current, key);
    const after = valueAt(fitted.config, key);
    numbers.push({ key, current: before, fitted: after, moved: Math.abs(before - after) > 1e-9, searched, ...(note ? { note } : {}) });
  };
  for (const number of FITTED_NUMBERS) {
    const searched = `${number.min}-${number.max}`;
    change(number.key, searched, fitted.unused.get(number.key));
    if (number.partner) change(number.partner, `${number.key} sets it`, fitted.unused.get(number.key));
  }
  for (const key of THRESHOLD_KEYS) change(key, 'grades', fitted.kept.get(key));

  const r = { current: pearson(currentScores, grades), fitted: pearson(fittedScores, grades), crossValidated: pearson(heldOut, grades) };
  const gain = r.crossValidated - r.current;
  return {
    answers: answers.length,
    questions: questions.length,
    scale,
    folds,
    r,
    passAgreement: {
      current: passAgreement(currentScores, answers, () => current.pass, scale),
      fitted: passAgreement(fittedScores, answers, () => fitted.config.pass, scale),
      crossValidated: passAgreement(heldOut, answers, (i) => heldOutPass[i] as number, scale),
    },
    numbers,
    config: fitted.config,
    foldDetails,
    carriesOver: gain > CARRY_OVER_MARGIN ? 'yes' : gain < -CARRY_OVER_MARGIN ? 'no' : 'same',
    warnings: bandWarnings(fitted.config),
  };
}
