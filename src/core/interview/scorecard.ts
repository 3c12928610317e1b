import { z } from 'zod';
import { LevelSchema } from '../model/level.js';
import { QuestionOutcomeSchema } from './outcome.js';
import { MIN_COUNTED, recommend, RecommendationSchema, THRESHOLDS, BAND_POINTS } from './recommendation.js';
import type { SessionState } from './records.js';

/** The scorecard of one interview: what `--format json` writes and `scorecard merge` reads. */
export const ScorecardSchema = z.object({
  format: z.literal('qbank-scorecard'),
  version: z.literal(1),
  session: z.string(),
  candidate: z.string(),
  interviewer: z.string().nullable(),
  targetLevel: LevelSchema,
  startedAt: z.string(),
  /** Time of the last record. */
  updatedAt: z.string(),
  /** False while questions or the decision are still to come. */
  complete: z.boolean(),
  /** Finished questions in plan order. */
  questions: z.array(QuestionOutcomeSchema),
  /** Planned questions not done yet. */
  pending: z.array(z.string()),
  recommendation: z.object({
    /** What the rule gives. */
    derived: RecommendationSchema,
    /** The interviewer's call (the derived one until confirmed). */
    final: RecommendationSchema,
    overridden: z.boolean(),
    reason: z.string().nullable(),
    confirmed: z.boolean(),
    average: z.number().nullable(),
    counted: z.number(),
    answered: z.number(),
    passed: z.number(),
    points: z.array(z.object({ id: z.string(), points: z.number(), why: z.string() })),
  }),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** Builds the scorecard of a session from its replayed log; needs no bank. */
export function buildScorecard(state: SessionState): Scorecard {
  const { meta, decision } = state;
  const questions = [...state.outcomes.values()].sort((a, b) => a.index - b.index);
  const basis = recommend(questions, meta.targetLevel);
  return {
    format: 'qbank-scorecard',
    version: 1,
    session: meta.id,
    candidate: meta.candidate,
    interviewer: meta.interviewer,
    targetLevel: meta.targetLevel,
    startedAt: meta.startedAt,
    updatedAt: state.updatedAt,
    complete: decision !== undefined,
    questions,
    pending: meta.questions.filter((_, i) => !state.outcomes.has(i)),
    recommendation: {
      derived: decision?.derived ?? basis.value,
      final: decision?.final ?? basis.value,
      overridden: decision?.overridden ?? false,
      reason: decision?.reason ?? null,
      confirmed: decision !== undefined,
      average: basis.average === null ? null : Math.round(basis.average * 100) / 100,
      counted: basis.counted,
      answered: basis.answered,
      passed: basis.passed,
      points: basis.questions,
    },
  };
}

/** The recommendation rule in a few sentences, for scorecards (docs/interview.md has it in full). */
export function ruleText(): string[] {
  return [
    `Each question's band (the interviewer's rating) earns points: excellent ${BAND_POINTS.excellent}, good ${BAND_POINTS.good}, needs improvement ${BAND_POINTS.needs_improvement}, insufficient ${BAND_POINTS.insufficient}; a pass earns 0 (not demonstrated); questions not asked are left out.`,
    'Against the target level: a question above it (or a bar-raiser question) adds 1 when good or excellent; one below it takes 1 away; a good or excellent bar-raiser follow-up adds 1 (at most 4 per question).',
    `The average decides: ${THRESHOLDS.strong_hire} or more strong hire, ${THRESHOLDS.hire} or more hire, ${THRESHOLDS.no_hire} or more no hire, below that strong no hire; fewer than ${MIN_COUNTED} questions answered or passed gives no decision.`,
  ];
}
