import { z } from 'zod';
import { isoDate } from '../model/iso-date.js';
import { FollowUpTierSchema } from '../model/elements.js';
import { LevelSchema } from '../model/level.js';
import { BandSchema, LiveProbeSchema, QuestionOutcomeSchema, type QuestionOutcome } from './outcome.js';
import { RecommendationSchema } from './recommendation.js';

/** The version every record of a session log carries; readers skip records of other versions. */
export const RECORD_VERSION = 1;

/** What a session is: who, at which level, which questions. Written once, first. */
export const SessionMetaSchema = z.object({
  id: z.string(),
  candidate: z.string(),
  interviewer: z.string().nullable(),
  /** The level the candidate is interviewed for. */
  targetLevel: LevelSchema,
  /** Question ids in the order they are asked. */
  questions: z.array(z.string()).min(1),
  /** Time budget of the whole interview, when the plan gave one. */
  totalMinutes: z.number().nullable(),
  startedAt: isoDate('session.startedAt'),
  /** Bank folders the questions came from, so a resume finds them again. */
  bank: z.array(z.string()),
});
export type SessionMeta = z.infer<typeof SessionMetaSchema>;

export const PHASES = [
  'notes', 'pass-choice', 'concepts', 'keywords', 'flags',
  'follow-up-choice', 'follow-up-notes', 'follow-up-ticks',
  'bar-raiser-confirm', 'bar-raiser-notes', 'bar-raiser-ticks',
  'rating', 'reason',
] as const;
/** Where the interviewer is inside a question. */
export type Phase = (typeof PHASES)[number];

/** A follow-up or bar raiser while it is being asked. */
export const ProbeDraftSchema = z.object({
  tier: FollowUpTierSchema.nullable(),
  notes: z.string().optional(),
  passed: z.boolean().optional(),
  suggestedItems: z.array(z.boolean()).optional(),
  suggestedFlags: z.array(z.boolean()).optional(),
  items: z.array(z.boolean()).optional(),
  flags: z.array(z.boolean()).optional(),
});
export type ProbeDraft = z.infer<typeof ProbeDraftSchema>;

/** The question in progress, saved after every step so a crash loses nothing typed. */
export const DraftSchema = z.object({
  index: z.number().int().min(0),
  phase: z.enum(PHASES),
  startedAt: isoDate('draft.startedAt'),
  notes: z.string().optional(),
  /** The scorer's suggestions, in rubric order. */
  suggested: z.object({ concepts: z.array(z.boolean()), partly: z.array(z.boolean()).optional(), keywords: z.array(z.boolean()), flags: z.array(z.boolean()), score: z.number(), band: BandSchema }).optional(),
  /** The interviewer's ticks, in rubric order. */
  concepts: z.array(z.boolean()).optional(),
  keywords: z.array(z.boolean()).optional(),
  flags: z.array(z.boolean()).optional(),
  followUp: ProbeDraftSchema.optional(),
  barRaiser: ProbeDraftSchema.optional(),
  rating: BandSchema.optional(),
  /**
   * The lines of notes typed so far at `phase`, saved as each is entered (`lines` records), so a
   * crash loses at most the line being typed; the notes are whole once submitted.
   */
  typed: z.object({ phase: z.enum(PHASES), lines: z.array(z.string()) }).optional(),
  /** The live panel: mandatory concepts (by index) passed over or picked, and the probes asked. */
  probing: z
    .object({ skipped: z.array(z.number().int().min(0)), picked: z.number().int().min(0).optional(), asked: z.array(LiveProbeSchema) })
    .optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

/** Phases whose text is notes, typed line by line. */
export const NOTE_PHASES: ReadonlySet<Phase> = new Set<Phase>(['notes', 'follow-up-notes', 'bar-raiser-notes']);

/** The final call on the candidate. */
export const DecisionSchema = z.object({
  derived: RecommendationSchema,
  final: RecommendationSchema,
  overridden: z.boolean(),
  reason: z.string().nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

const base = { v: z.literal(RECORD_VERSION, { error: `Not a version ${RECORD_VERSION} record` }), at: isoDate('at') };

/** One line of a session log. */
export const SessionRecordSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('start'), session: SessionMetaSchema }),
  z.object({ ...base, type: z.literal('draft'), draft: DraftSchema }),
  /** Lines of notes as they are typed: `lines` replace the typed lines from position `from` on. */
  z.object({
    ...base,
    type: z.literal('lines'),
    index: z.number().int().min(0),
    phase: z.enum(PHASES),
    from: z.number().int().min(0),
    lines: z.array(z.string()),
  }),
  z.object({ ...base, type: z.literal('question'), outcome: QuestionOutcomeSchema }),
  z.object({ ...base, type: z.literal('decision'), decision: DecisionSchema }),
]);
export type SessionRecord = z.infer<typeof SessionRecordSchema>;

/** Where a session stands, rebuilt from its log. */
export interface SessionState {
  meta: SessionMeta;
  /** Finished questions by plan index. */
  outcomes: Map<number, QuestionOutcome>;
  /** The question in progress, if a step of it was saved. */
  draft?: Draft;
  decision?: Decision;
  /** Time of the last record. */
  updatedAt: string;
}

/** Replays a log: the first `start` record, the last outcome per question, the latest draft. */
export function replay(records: readonly SessionRecord[]): SessionState | undefined {
  const start = records.find((r) => r.type === 'start');
  if (!start || start.type !== 'start') return undefined;
  const outcomes = new Map<number, QuestionOutcome>();
  let draft: Draft | undefined;
  let decision: Decision | undefined;
  for (const record of records) {
    if (record.type === 'question' && record.outcome.index < start.session.questions.length) outcomes.set(record.outcome.index, record.outcome);
    else if (record.type === 'draft') draft = record.draft;
    else if (record.type === 'lines' && draft) draft = withLines(draft, record);
    else if (record.type === 'decision') decision = record.decision;
  }
  const next = nextIndex(start.session, outcomes);
  if (draft && draft.index !== next) draft = undefined;
  return { meta: start.session, outcomes, draft, decision, updatedAt: records[records.length - 1]?.at ?? start.at };
}

/** A draft with a `lines` record applied, when it is for the draft's question and phase. */
function withLines(draft: Draft, record: Extract<SessionRecord, { type: 'lines' }>): Draft {
  if (record.index !== draft.index || record.phase !== draft.phase) return draft;
  const before = draft.typed?.phase === draft.phase ? draft.typed.lines : [];
  return { ...draft, typed: { phase: draft.phase, lines: [...before.slice(0, record.from), ...record.lines] } };
}

/** The first planned question without an outcome; the plan's length when all are done. */
export function nextIndex(meta: SessionMeta, outcomes: ReadonlyMap<number, unknown>): number {
  for (let i = 0; i < meta.questions.length; i += 1) if (!outcomes.has(i)) return i;
  return meta.questions.length;
}

/** Finished when a decision is recorded. */
export function isComplete(state: SessionState): boolean {
  return state.decision !== undefined;
}
