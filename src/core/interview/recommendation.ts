import { z } from 'zod';
import { levelNumber, type Level } from '../model/level.js';
import type { Band } from '../score/result.js';
import type { QuestionOutcome } from './outcome.js';

export const RECOMMENDATIONS = ['strong_hire', 'hire', 'no_hire', 'strong_no_hire', 'no_decision'] as const;
export const RecommendationSchema = z.enum(RECOMMENDATIONS);
/** The overall call of one interviewer. */
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** Points for the band of a question answered at the target level (a pass earns 0). */
export const BAND_POINTS: Record<Band, number> = { excellent: 3, good: 2, needs_improvement: 1, insufficient: 0 };
/** Lowest average points for each call; below `no_hire` is `strong_no_hire`. */
export const THRESHOLDS = { strong_hire: 2.75, hire: 1.75, no_hire: 0.75 } as const;
/** Fewer questions answered or passed than this gives `no_decision`. */
export const MIN_COUNTED = 2;
const MAX_POINTS = 4;

/** How one question counted towards the recommendation. */
export interface QuestionPoints {
  id: string;
  points: number;
  /** Why, in words: `good at level: 2`, `excellent above level: 3 + 1`. */
  why: string;
}

/** The derived recommendation and what it rests on. */
export interface RecommendationBasis {
  value: Recommendation;
  /** Questions answered or passed (not-asked ones are left out). */
  counted: number;
  answered: number;
  passed: number;
  /** Mean points of the counted questions; null when none counted. */
  average: number | null;
  questions: QuestionPoints[];
}

const strong = (band: Band | null | undefined) => band === 'excellent' || band === 'good';

/** The rule of docs/interview.md, applied to one question. */
export function questionPoints(outcome: QuestionOutcome, target: Level): QuestionPoints | undefined {
  if (outcome.status === 'not_asked') return undefined;
  if (outcome.status === 'passed' || !outcome.rating) return { id: outcome.id, points: 0, why: 'passed: not demonstrated, 0' };
  const band = outcome.rating.band;
  let points = BAND_POINTS[band];
  const parts = [String(points)];
  const level = outcome.level ? levelNumber(outcome.level) : levelNumber(target);
  const above = level > levelNumber(target) || outcome.category === 'bar-raiser';
  const below = level < levelNumber(target) && outcome.category !== 'bar-raiser';
  let where = 'at level';
  if (above) {
    where = 'above level';
    if (strong(band)) {
      points += 1;
      parts.push('1 (stretch)');
    }
  } else if (below) {
    where = 'below level';
    if (points > 0) {
      points -= 1;
      parts.push('− 1 (below level)');
    }
  }
  const barRaiser = outcome.followUps.find((probe) => probe.kind === 'bar_raiser');
  if (barRaiser && barRaiser.status === 'answered' && strong(barRaiser.band)) {
    points += 1;
    parts.push('1 (bar raiser)');
  }
  points = Math.min(MAX_POINTS, points);
  const sum = parts.length > 1 ? `${parts.join(' + ').replace(/\+ −/g, '−')} = ${points}` : String(points);
  return { id: outcome.id, points, why: `${band.replace('_', ' ')} ${where}: ${sum}` };
}

/** Derives the overall recommendation from the questions' bands against the target level. */
export function recommend(outcomes: readonly QuestionOutcome[], target: Level): RecommendationBasis {
  const questions = outcomes.map((outcome) => questionPoints(outcome, target)).filter((q): q is QuestionPoints => q !== undefined);
  const answered = outcomes.filter((o) => o.status === 'answered').length;
  const passed = outcomes.filter((o) => o.status === 'passed').length;
  const counted = questions.length;
  const average = counted === 0 ? null : questions.reduce((sum, q) => sum + q.points, 0) / counted;
  let value: Recommendation;
  if (counted < MIN_COUNTED || average === null) value = 'no_decision';
  else if (average >= THRESHOLDS.strong_hire) value = 'strong_hire';
  else if (average >= THRESHOLDS.hire) value = 'hire';
  else if (average >= THRESHOLDS.no_hire) value = 'no_hire';
  else value = 'strong_no_hire';
  return { value, counted, answered, passed, average, questions };
}

/** `strong_hire` → `strong hire`, for people. */
export function recommendationLabel(value: Recommendation): string {
  return value.replace(/_/g, ' ');
}
