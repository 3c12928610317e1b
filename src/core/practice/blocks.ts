import type { EstimatedTime } from '../model/estimated-time.js';
import type { FollowUpTier } from '../model/elements.js';
import type { McqOption } from '../model/mcq.js';
import type { ChecklistResult, ScoreResult } from '../score/result.js';

/** One row of the end-of-session summary. */
export interface SummaryRow {
  questionId: string;
  title: string;
  /**
   * `answered`, `skipped`, `not reached` when the session was quit first, or `answered earlier`
   * when only a restored follow-up answer was given in this session.
   */
  status: 'answered' | 'skipped' | 'not reached' | 'answered earlier';
  score?: number;
  band?: string;
  followUpScore?: number;
  timeTakenMs?: number;
}

/** What a practice session shows; the CLI renders each kind. */
export type PracticeBlock =
  | { kind: 'intro'; count: number }
  | {
      kind: 'question';
      index: number;
      total: number;
      id: string;
      title: string;
      level?: string;
      topic?: string;
      estimatedTime?: EstimatedTime;
      hook?: string;
      text: string;
      options?: McqOption[];
    }
  | { kind: 'time'; takenMs: number; estimatedTime?: EstimatedTime }
  | { kind: 'feedback'; result: ScoreResult }
  | { kind: 'follow-up'; tier: FollowUpTier | 'bar-raiser'; label?: string; question: string; hint?: string }
  | { kind: 'follow-up-feedback'; tier: FollowUpTier | 'bar-raiser'; result: ChecklistResult }
  | { kind: 'mcq-result'; letter: string; right: string; correct: boolean; explanation?: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'samples'; acceptable?: string; excellent?: string }
  | { kind: 'skipped' }
  | { kind: 'summary'; rows: SummaryRow[]; quit: boolean };
