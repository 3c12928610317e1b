import { z } from 'zod';
import { isoDate } from '../model/iso-date.js';
import { changedFrom } from '../session/typed-lines.js';

/** The version every record of the draft log carries. */
export const DRAFT_VERSION = 1;

/** What a draft is an answer to: the main question, or a follow-up of an attempt already saved. */
const StageSchema = z.enum(['answer', 'partial', 'weak', 'excellent', 'bar-raiser']);
export type DraftStage = z.infer<typeof StageSchema>;

/**
 * One line of the draft log: `start` opens a draft (it replaces any before it), `lines` replace
 * the draft's lines from position `from` on. The log is deleted once the answer is saved.
 */
export const DraftRecordSchema = z.discriminatedUnion('type', [
  z.object({
    v: z.literal(DRAFT_VERSION),
    type: z.literal('start'),
    at: isoDate('at'),
    questionId: z.string(),
    title: z.string(),
    stage: StageSchema,
    /** For a follow-up answer: the attempt (in the history) it follows. */
    attemptId: z.string().optional(),
  }),
  z.object({ v: z.literal(DRAFT_VERSION), type: z.literal('lines'), at: isoDate('at'), from: z.number().int().min(0), lines: z.array(z.string()) }),
]);
export type DraftRecord = z.infer<typeof DraftRecordSchema>;

/** An answer being typed, as rebuilt from the draft log. */
export interface AnswerDraft {
  questionId: string;
  title: string;
  stage: DraftStage;
  /** For a follow-up answer: the attempt it follows. */
  attemptId?: string;
  lines: string[];
  /** When its last line was saved. */
  savedAt: string;
}

/** Replays the draft log: the last `start` and the lines after it; none when nothing was typed. */
export function replayDraft(records: readonly DraftRecord[]): AnswerDraft | undefined {
  let draft: AnswerDraft | undefined;
  for (const record of records) {
    if (record.type === 'start') {
      draft = { questionId: record.questionId, title: record.title, stage: record.stage, lines: [], savedAt: record.at, ...(record.attemptId ? { attemptId: record.attemptId } : {}) };
    }
    else if (draft) draft = { ...draft, lines: [...draft.lines.slice(0, record.from), ...record.lines], savedAt: record.at };
  }
  return draft && draft.lines.some((line) => line.trim() !== '') ? draft : undefined;
}

/** The records that bring a saved draft of `saved` lines up to `lines` (none when they agree). */
export function draftLines(saved: readonly string[], lines: readonly string[], at: string): DraftRecord[] {
  const from = changedFrom(saved, lines);
  if (from === undefined) return [];
  return [{ v: DRAFT_VERSION, type: 'lines', at, from, lines: lines.slice(from) }];
}
