import type { Input } from '../session/interaction.js';
import { BANDS, type Band } from '../score/result.js';
import type { FollowUpTier } from '../model/elements.js';
import type { InterviewBlock } from './blocks.js';
import { buildOutcome } from './build-outcome.js';
import { conceptItems, flagItems, keywordItems, suggestTicks, ticksFrom } from './checklist.js';
import type { QuestionContext } from './context.js';
import { ticksScore } from './ticks-score.js';
import { afterFollowUp, type QuestionStep } from './question-step.js';
import { availableTiers } from './probe.js';
import { handleProbeInput, probeBlock } from './probe-flow.js';
import type { Draft, Phase } from './records.js';


const stay = (draft: Draft, blocks: InterviewBlock[] = []): QuestionStep => ({ draft, blocks });

/** The phase after the main ticks: the first checklist still to show, else the score. */
function afterTicks(ctx: QuestionContext, draft: Draft, from: Phase): QuestionStep {
  const order: Phase[] = ['concepts', 'keywords', 'flags'];
  for (const phase of order.slice(order.indexOf(from) + 1)) {
    const items = phase === 'keywords' ? keywordItems(ctx.question) : flagItems(ctx.question);
    if (items.length > 0) return stay({ ...draft, phase });
  }
  return scored(ctx, draft);
}

/** Shows the score of the ticks and moves to the follow-up choice (or past it). */
function scored(ctx: QuestionContext, draft: Draft): QuestionStep {
  const result = ticksScore(ctx, draft);
  const keywordTotal = result.parts.mandatory.keywords.total + result.parts.bonus.keywords.total;
  const block: InterviewBlock = {
    kind: 'score',
    score: result.score,
    band: result.band,
    mandatory: result.parts.mandatory.concepts,
    bonus: result.parts.bonus.concepts,
    keywords: { hit: result.parts.mandatory.keywords.hit + result.parts.bonus.keywords.hit, total: keywordTotal },
    penalty: result.penalties.reduce((sum, p) => sum + p, 0),
    scorer: draft.suggested ? { score: draft.suggested.score, band: draft.suggested.band } : null,
    suggestedTier: result.followUp,
    tierAvailable: availableTiers(ctx.question).includes(result.followUp),
  };
  if (availableTiers(ctx.question).length === 0) {
    const next = afterFollowUp(ctx, draft);
    return { ...next, blocks: [block, ...next.blocks] };
  }
  return stay({ ...draft, phase: 'follow-up-choice' }, [block]);
}


/** Moves a question on by one input. `quit` is handled by the session. */
export function handleQuestionInput(ctx: QuestionContext, draft: Draft, input: Input, now: Date): QuestionStep {
  switch (draft.phase) {
    case 'notes':
      if (input.kind === 'skip') return stay({ ...draft, phase: 'pass-choice' });
      if (input.kind !== 'text') return stay(draft);
      return afterNotes(ctx, { ...draft, notes: input.text }, input.text);
    case 'pass-choice': {
      const value = input.kind === 'choice' ? input.value : 'pass';
      if (value === 'back') return stay({ ...draft, phase: 'notes' });
      const status = value === 'not_asked' ? 'not_asked' : 'passed';
      return { outcome: buildOutcome(ctx, draft, { status, at: now }), blocks: [] };
    }
    case 'concepts':
    case 'keywords':
    case 'flags': {
      if (input.kind !== 'checklist') return afterTicks(ctx, draft, draft.phase);
      const items = draft.phase === 'concepts' ? conceptItems(ctx.question) : draft.phase === 'keywords' ? keywordItems(ctx.question) : flagItems(ctx.question);
      return afterTicks(ctx, { ...draft, [draft.phase]: ticksFrom(items, input.values) }, draft.phase);
    }
    case 'follow-up-choice': {
      const tier = input.kind === 'choice' ? input.value : defaultTier(ctx, draft);
      if (tier === 'none' || !(availableTiers(ctx.question) as string[]).includes(tier)) return afterFollowUp(ctx, { ...draft, followUp: undefined });
      const next: Draft = { ...draft, phase: 'follow-up-notes', followUp: { tier: tier as FollowUpTier } };
      const probe = ctx.followUp(tier as FollowUpTier);
      return stay(next, probe ? [probeBlock(probe)] : []);
    }
    case 'bar-raiser-confirm': {
      const yes = input.kind === 'confirm' ? input.value : input.kind !== 'skip';
      const probe = ctx.barRaiser();
      if (!yes || !probe) return stay({ ...draft, phase: 'rating', barRaiser: undefined });
      return stay({ ...draft, phase: 'bar-raiser-notes', barRaiser: { tier: null } }, [probeBlock(probe)]);
    }
    case 'follow-up-notes':
    case 'follow-up-ticks':
    case 'bar-raiser-notes':
    case 'bar-raiser-ticks':
      return handleProbeInput(ctx, draft, input);
    case 'rating': {
      const computed = ticksScore(ctx, draft).band;
      const rating = input.kind === 'choice' && (BANDS as readonly string[]).includes(input.value) ? (input.value as Band) : computed;
      if (rating === computed) return { outcome: buildOutcome(ctx, draft, { status: 'answered', at: now }), blocks: [] };
      return stay({ ...draft, phase: 'reason', rating });
    }
    case 'reason': {
      if (input.kind === 'skip') return stay({ ...draft, phase: 'rating', rating: undefined });
      const reason = input.kind === 'text' ? input.text.trim() : '';
      if (reason === '') return stay(draft, [{ kind: 'message', tone: 'warning', text: 'A rating that differs from the computed band needs a reason (or :skip to choose again).' }]);
      return { outcome: buildOutcome(ctx, draft, { status: 'answered', at: now, rating: draft.rating, reason }), blocks: [] };
    }
  }
}

function defaultTier(ctx: QuestionContext, draft: Draft): string {
  const tier = ticksScore(ctx, draft).followUp;
  return availableTiers(ctx.question).includes(tier) ? tier : 'none';
}

function afterNotes(ctx: QuestionContext, draft: Draft, notes: string): QuestionStep {
  const suggested = suggestTicks(ctx.rubric, notes);
  const next: Draft = { ...draft, phase: 'concepts', suggested, concepts: undefined, keywords: undefined, flags: undefined };
  return conceptItems(ctx.question).length > 0 ? stay(next) : afterTicks(ctx, next, 'concepts');
}
