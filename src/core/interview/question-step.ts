import type { InterviewBlock } from './blocks.js';
import type { QuestionContext } from './context.js';
import { ticksScore } from './ticks-score.js';
import type { QuestionOutcome } from './outcome.js';
import type { Draft } from './records.js';

/** A step inside a question: the draft moves on, or the question is done. */
export type QuestionStep = { draft: Draft; blocks: InterviewBlock[] } | { outcome: QuestionOutcome; blocks: InterviewBlock[] };

/** After the follow-up: the bar raiser when the answer was excellent, else the rating. */
export function afterFollowUp(ctx: QuestionContext, draft: Draft): QuestionStep {
  if (ticksScore(ctx, draft).band === 'excellent' && ctx.barRaiser()) return { draft: { ...draft, phase: 'bar-raiser-confirm' }, blocks: [] };
  return { draft: { ...draft, phase: 'rating' }, blocks: [] };
}
