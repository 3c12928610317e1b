import type { Band } from '../score/result.js';
import { BAND_POINTS } from './recommendation.js';
import type { SessionState } from './records.js';

/**
 * The number an interviewer's final rating stands for, as a calibrate grade: the points the
 * recommendation rule gives its band (insufficient 0, needs improvement 1, good 2, excellent 3),
 * so the grade scale is 0-3 (docs/interview.md).
 */
export function gradeOfRating(band: Band): number {
  return BAND_POINTS[band];
}

/** The grade scale of exported ratings. */
export const RATING_SCALE = { min: 0, max: 3 } as const;

/** One `qbank calibrate` input line from an interview. */
export interface GradeLine {
  question: string;
  /** The interviewer's notes (or the pasted transcript) of the answer. */
  answer: string;
  grade: number;
  /** The rating it came from, and where. */
  rating: Band;
  session: string;
  interviewer: string | null;
}

/** What an export holds: the lines, and the answered questions left out because they have no notes. */
export interface GradeExport {
  lines: GradeLine[];
  withoutNotes: Array<{ session: string; question: string }>;
}

/**
 * A calibrate line for every answered question of the sessions, in session and plan order: the
 * notes as the answer, the final rating (the interviewer's, after any override) as the grade.
 * Passes and questions not asked are left out; so is an answered question without notes.
 */
export function gradeLines(states: readonly SessionState[]): GradeExport {
  const lines: GradeLine[] = [];
  const withoutNotes: GradeExport['withoutNotes'] = [];
  for (const state of states) {
    const outcomes = [...state.outcomes.values()].sort((a, b) => a.index - b.index);
    for (const outcome of outcomes) {
      if (outcome.status !== 'answered' || !outcome.rating) continue;
      if (outcome.notes.trim() === '') {
        withoutNotes.push({ session: state.meta.id, question: outcome.id });
        continue;
      }
      lines.push({
        question: outcome.id,
        answer: outcome.notes,
        grade: gradeOfRating(outcome.rating.band),
        rating: outcome.rating.band,
        session: state.meta.id,
        interviewer: state.meta.interviewer,
      });
    }
  }
  return { lines, withoutNotes };
}
