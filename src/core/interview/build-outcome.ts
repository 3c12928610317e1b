import { questionTitle } from '../model/question.js';
import type { Band } from '../score/result.js';
import { bonusKeywords, mandatoryKeywords } from './checklist.js';
import type { QuestionContext } from './context.js';
import { draftTicks, ticksScore } from './ticks-score.js';
import type { ProbeOutcome, QuestionOutcome } from './outcome.js';
import { scoreProbeTicks, type Probe } from './probe.js';
import type { Draft, ProbeDraft } from './records.js';

function probeOutcome(probe: Probe, state: ProbeDraft, suggestedTier: ProbeOutcome['suggestedTier']): ProbeOutcome {
  const items = probe.items.map((_, i) => state.items?.[i] ?? state.suggestedItems?.[i] ?? false);
  const flags = probe.redFlags.map((_, i) => state.flags?.[i] ?? state.suggestedFlags?.[i] ?? false);
  const answered = state.passed !== true;
  const scored = scoreProbeTicks(probe, items, flags);
  return {
    kind: probe.kind,
    tier: probe.tier,
    suggestedTier: probe.kind === 'follow_up' ? suggestedTier : null,
    label: probe.label,
    question: probe.question,
    status: answered ? 'answered' : 'passed',
    notes: state.notes ?? '',
    items: probe.items.map((text, i) => ({ text, ticked: answered && items[i] === true, suggested: state.suggestedItems?.[i] === true })),
    redFlags: probe.redFlags.map((text, i) => ({ text, ticked: answered && flags[i] === true, suggested: state.suggestedFlags?.[i] === true, penalty: answered ? (scored.penalties[i] ?? 0) : 0 })),
    score: answered ? scored.score : null,
    band: answered ? scored.band : null,
  };
}

/** The record of a finished question: every tick by name, so a scorecard needs no bank. */
export function buildOutcome(
  ctx: QuestionContext,
  draft: Draft,
  end: { status: QuestionOutcome['status']; at: Date; rating?: Band; reason?: string },
): QuestionOutcome {
  const { question } = ctx;
  const fm = question.frontmatter;
  const answered = end.status === 'answered';
  const ticks = draftTicks(ctx, draft);
  const scored = ticksScore(ctx, draft);
  const suggested = draft.suggested;
  const concepts = [...question.core.concepts.map((c) => ['mandatory', c.name] as const), ...question.bonus.concepts.map((c) => ['bonus', c.name] as const)];
  const keywords = [...mandatoryKeywords(question).map((k) => ['mandatory', k] as const), ...bonusKeywords(question).map((k) => ['bonus', k] as const)];
  const followUps: ProbeOutcome[] = [];
  if (answered && draft.followUp?.tier) {
    const probe = ctx.followUp(draft.followUp.tier);
    if (probe) followUps.push(probeOutcome(probe, draft.followUp, scored.followUp));
  }
  if (answered && draft.barRaiser) {
    const probe = ctx.barRaiser();
    if (probe) followUps.push(probeOutcome(probe, draft.barRaiser, null));
  }
  const rating = end.rating ?? scored.band;
  return {
    index: ctx.index,
    id: fm.id,
    title: questionTitle(question),
    level: fm.level ?? null,
    category: fm.category ?? null,
    topic: fm.topic ?? null,
    estimated: fm.estimatedTime ? { min: fm.estimatedTime.min, max: fm.estimatedTime.max } : null,
    status: end.status,
    startedAt: draft.startedAt,
    endedAt: end.at.toISOString(),
    notes: draft.notes ?? '',
    concepts: concepts.map(([kind, name], i) => ({ name, kind, ticked: answered && ticks.concepts[i] === true, suggested: suggested?.concepts[i] === true })),
    keywords: keywords.map(([kind, text], i) => ({ kind, text, ticked: answered && ticks.keywords[i] === true, suggested: suggested?.keywords[i] === true })),
    redFlags: question.commonMistakes.map((m, i) => ({
      text: m.text,
      ticked: answered && ticks.flags[i] === true,
      suggested: suggested?.flags[i] === true,
      penalty: answered ? (scored.penalties[i] ?? 0) : 0,
    })),
    score: answered ? scored.score : null,
    band: answered ? scored.band : null,
    scorer: answered && suggested ? { score: suggested.score, band: suggested.band } : null,
    followUps,
    ...(draft.probing?.asked.length ? { probesAsked: draft.probing.asked } : {}),
    rating: answered ? { band: rating, overridden: rating !== scored.band, reason: rating !== scored.band ? (end.reason ?? null) : null } : null,
  };
}
