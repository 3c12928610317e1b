import { z } from 'zod';
import { isoDate } from '../model/iso-date.js';
import { FollowUpTierSchema } from '../model/elements.js';
import { LevelSchema } from '../model/level.js';
import { CATEGORIES } from '../model/frontmatter.js';
import { BANDS } from '../score/result.js';

export const BandSchema = z.enum(BANDS);

/** A rubric concept as the interviewer left it. */
export const ConceptTickSchema = z.object({
  name: z.string(),
  kind: z.enum(['mandatory', 'bonus']),
  /** The interviewer's tick: this is what counts. */
  ticked: z.boolean(),
  /** What the scorer found in the notes. */
  suggested: z.boolean(),
});
export type ConceptTick = z.infer<typeof ConceptTickSchema>;

/** An expected or bonus keyword as the interviewer left it. */
export const KeywordTickSchema = z.object({
  text: z.string(),
  kind: z.enum(['mandatory', 'bonus']),
  ticked: z.boolean(),
  suggested: z.boolean(),
});
export type KeywordTick = z.infer<typeof KeywordTickSchema>;

/** A common mistake (or follow-up red flag) and whether the interviewer heard it. */
export const FlagTickSchema = z.object({
  text: z.string(),
  ticked: z.boolean(),
  suggested: z.boolean(),
  /** Points it cost (a mistake the candidate said costs; an omission does not). */
  penalty: z.number(),
});
export type FlagTick = z.infer<typeof FlagTickSchema>;

/** One item of a follow-up or bar-raiser checklist. */
export const ItemTickSchema = z.object({ text: z.string(), ticked: z.boolean(), suggested: z.boolean() });
export type ItemTick = z.infer<typeof ItemTickSchema>;

/** A follow-up or the bar-raiser question, as asked and answered. */
export const ProbeOutcomeSchema = z.object({
  kind: z.enum(['follow_up', 'bar_raiser']),
  /** The follow-up tier asked (follow-ups only). */
  tier: FollowUpTierSchema.nullable(),
  /** The tier the main answer's band called for (follow-ups only). */
  suggestedTier: FollowUpTierSchema.nullable(),
  /** The author's label (`Depth Probe`, `L3→L4 Challenge`). */
  label: z.string().nullable(),
  question: z.string(),
  /** `passed`: the candidate did not answer it. */
  status: z.enum(['answered', 'passed']),
  notes: z.string(),
  items: z.array(ItemTickSchema),
  redFlags: z.array(FlagTickSchema),
  /** From the interviewer's ticks; null when passed. */
  score: z.number().nullable(),
  band: BandSchema.nullable(),
});
export type ProbeOutcome = z.infer<typeof ProbeOutcomeSchema>;

/** The interviewer's rating of a question: the computed band unless overridden with a reason. */
export const RatingSchema = z.object({
  band: BandSchema,
  overridden: z.boolean(),
  reason: z.string().nullable(),
});
export type Rating = z.infer<typeof RatingSchema>;

/** A probe the live panel proposed and the interviewer asked while the candidate answered. */
export const LiveProbeSchema = z.object({
  concept: z.string(),
  /** Where the probe came from: a follow-up covering the concept, the author's probe, or the neutral prompt. */
  source: z.enum(['follow-up', 'author', 'neutral']),
  question: z.string(),
  /** Seconds into the question. */
  atSeconds: z.number().int().min(0),
});
export type LiveProbe = z.infer<typeof LiveProbeSchema>;

/** Everything recorded about one planned question once it is done. */
export const QuestionOutcomeSchema = z.object({
  /** 0-based place in the plan. */
  index: z.number().int().min(0),
  id: z.string(),
  title: z.string(),
  level: LevelSchema.nullable(),
  category: z.enum(CATEGORIES).nullable(),
  topic: z.string().nullable(),
  estimated: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** `passed`: the candidate chose not to answer; `not_asked`: the interviewer skipped it. */
  status: z.enum(['answered', 'passed', 'not_asked']),
  startedAt: isoDate('outcome.startedAt'),
  endedAt: isoDate('outcome.endedAt'),
  notes: z.string(),
  concepts: z.array(ConceptTickSchema),
  keywords: z.array(KeywordTickSchema),
  redFlags: z.array(FlagTickSchema),
  /** Score and band from the interviewer's ticks; null unless answered. */
  score: z.number().nullable(),
  band: BandSchema.nullable(),
  /** What the scorer alone made of the notes, for comparison. */
  scorer: z.object({ score: z.number(), band: BandSchema }).nullable(),
  followUps: z.array(ProbeOutcomeSchema),
  /** Probes asked from the live panel during the answer (absent in sessions from before the panel). */
  probesAsked: z.array(LiveProbeSchema).optional(),
  /** Null unless answered. */
  rating: RatingSchema.nullable(),
});
export type QuestionOutcome = z.infer<typeof QuestionOutcomeSchema>;
