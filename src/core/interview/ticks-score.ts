import { scoreTicks } from './checklist.js';
import type { QuestionContext } from './context.js';
import type { Draft } from './records.js';

/** The ticks of a draft, unset lists falling back to the scorer's suggestions (or nothing). */
export function draftTicks(ctx: QuestionContext, draft: Draft): { concepts: boolean[]; keywords: boolean[]; flags: boolean[] } {
  const { rubric } = ctx;
  const fill = (ticks: readonly boolean[] | undefined, length: number) => Array.from({ length }, (_, i) => ticks?.[i] === true);
  return {
    concepts: fill(draft.concepts ?? draft.suggested?.concepts, rubric.mandatory.length + rubric.bonus.length),
    keywords: fill(draft.keywords ?? draft.suggested?.keywords, rubric.mandatoryKeywords.length + rubric.bonusKeywords.length),
    flags: fill(draft.flags ?? draft.suggested?.flags, rubric.mistakes.length),
  };
}

/** The score of the main answer from the interviewer's ticks. */
export function ticksScore(ctx: QuestionContext, draft: Draft) {
  return scoreTicks(ctx.rubric, draftTicks(ctx, draft));
}
