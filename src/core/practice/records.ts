import { z } from 'zod';
import { BANDS } from '../score/result.js';
import { isoDate } from '../model/iso-date.js';

/** The version written into every history record; readers skip records of versions they do not know. */
export const HISTORY_VERSION = 1 as const;

/** A spaced-repetition card (ts-fsrs's Card, dates as ISO strings). */
export const SrsCardSchema = z.object({
  due: isoDate('srs.due'),
  stability: z.number(),
  difficulty: z.number(),
  elapsed_days: z.number(),
  scheduled_days: z.number(),
  reps: z.number(),
  lapses: z.number(),
  learning_steps: z.number().optional(),
  state: z.number(),
  last_review: isoDate('srs.last_review').optional(),
});
export type SrsCard = z.infer<typeof SrsCardSchema>;

const BandSchema = z.enum(BANDS);

/** One answer to a question: the first thing saved, as soon as it is scored. */
export const AttemptRecordSchema = z.object({
  v: z.literal(HISTORY_VERSION),
  type: z.literal('attempt'),
  /** Unique id of this attempt; follow-up records point back to it. */
  attemptId: z.string(),
  /** The practice session it belongs to. */
  session: z.string(),
  questionId: z.string(),
  questionType: z.enum(['subjective', 'mcq']),
  title: z.string(),
  topic: z.string().nullable(),
  level: z.string().nullable(),
  /** When the question was shown and when the answer was submitted (ISO 8601). */
  askedAt: isoDate('askedAt'),
  answeredAt: isoDate('answeredAt'),
  timeTakenMs: z.number().min(0),
  /** The answer text, or the letter chosen. */
  answer: z.string(),
  score: z.number().min(0).max(100),
  band: BandSchema,
  passed: z.boolean(),
  /** The full score result of a subjective answer (see ScoreResult). */
  result: z
    .looseObject({
      concepts: z.array(z.looseObject({ name: z.string(), kind: z.string(), covered: z.boolean() })),
    })
    .optional(),
  /** For multiple choice: the letter given and the right one. */
  mcq: z.object({ letter: z.string(), right: z.string(), correct: z.boolean() }).optional(),
  /** The question's spaced-repetition card after this review. */
  srs: SrsCardSchema,
});
export type AttemptRecord = z.infer<typeof AttemptRecordSchema>;

/** An answer to the follow-up or bar-raiser question of an attempt. */
export const FollowUpRecordSchema = z.object({
  v: z.literal(HISTORY_VERSION),
  type: z.literal('follow-up'),
  attemptId: z.string(),
  questionId: z.string(),
  /** Which question was asked: a follow-up tier, or the bar raiser. */
  stage: z.enum(['excellent', 'partial', 'weak', 'bar-raiser']),
  prompt: z.string(),
  answeredAt: isoDate('answeredAt'),
  timeTakenMs: z.number().min(0),
  answer: z.string(),
  score: z.number().min(0).max(100),
  band: BandSchema,
  result: z.looseObject({}),
});
export type FollowUpRecord = z.infer<typeof FollowUpRecordSchema>;

/** Anything the history file holds. */
export const HistoryRecordSchema = z.discriminatedUnion('type', [AttemptRecordSchema, FollowUpRecordSchema]);
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;
