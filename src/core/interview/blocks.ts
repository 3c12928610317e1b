import type { FollowUpTier } from '../model/elements.js';
import type { Band } from '../score/result.js';
import type { HeardSoFar } from './heard-so-far.js';
import type { ProbeKind } from './probe.js';
import type { RecommendationBasis } from './recommendation.js';
import type { SessionRecord } from './records.js';

/** What an interview shows; the CLI turns each into text. */
export type InterviewBlock =
  /** A question to read aloud, with its place in the plan and the timers. */
  | {
      kind: 'question';
      index: number;
      total: number;
      id: string;
      title: string;
      /** `L3 · baseline · primary-backup/output-rule`. */
      meta: string;
      text: string;
      /** `0:00 of 6-8 min`. */
      timer: string;
      /** `12:40 of 45 min` for the whole interview. */
      session: string;
    }
  /** What to listen for while the candidate talks. */
  | {
      kind: 'rubric';
      mandatory: Array<{ name: string; description: string }>;
      bonus: Array<{ name: string; description: string }>;
      expectedKeywords: string[];
      bonusKeywords: string[];
      redFlags: string[];
    }
  /** The score of the interviewer's ticks, and the follow-up it calls for. */
  | {
      kind: 'score';
      score: number;
      band: Band;
      mandatory: { covered: number; total: number };
      bonus: { covered: number; total: number };
      keywords: { hit: number; total: number };
      penalty: number;
      scorer: { score: number; band: Band } | null;
      suggestedTier: FollowUpTier;
      /** Whether the question has that follow-up. */
      tierAvailable: boolean;
    }
  /** A follow-up or the bar raiser with the interviewer's guidance. */
  | { kind: 'probe'; probe: ProbeKind; tier: FollowUpTier | null; label: string | null; question: string; guidance: Array<{ key: string; value: string }> }
  | { kind: 'probe-score'; probe: ProbeKind; score: number; band: Band; covered: number; total: number; flags: number }
  /** A question is done and saved. */
  | { kind: 'saved'; index: number; status: 'answered' | 'passed' | 'not_asked'; band: Band | null; score: number | null; overridden: boolean }
  /** Before the final call: one line per question and the derived recommendation. */
  | { kind: 'summary'; rows: Array<{ index: number; id: string; status: string; band: Band | null; score: number | null; points: number | null }>; basis: RecommendationBasis }
  /**
   * The live panel while notes are typed: the rubric as heard so far and the probe to ask next;
   * `asked` counts the probes asked already. Adapters draw it in place of the previous one.
   */
  | { kind: 'heard'; timer: string; heard: HeardSoFar; asked: number; note?: string }
  /** The live panel while a follow-up's or the bar raiser's notes are typed: its items heard so far. */
  | { kind: 'probe-heard'; timer: string; probe: ProbeKind; items: Array<{ text: string; heard: boolean }>; redFlags: string[] }
  | { kind: 'message'; tone: 'info' | 'warning'; text: string }
  /** The interviewer stopped; the session can be resumed. */
  | { kind: 'stopped'; session: string }
  | { kind: 'complete'; session: string; recommendation: string };

/** What the driver must do: append a record to the session log. */
export type InterviewEffect = { kind: 'save'; record: SessionRecord };
