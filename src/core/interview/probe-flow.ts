import type { Input } from '../session/interaction.js';
import type { InterviewBlock } from './blocks.js';
import { ticksFrom } from './checklist.js';
import type { QuestionContext } from './context.js';
import { probeItems, scoreProbeTicks, suggestProbeTicks, type Probe } from './probe.js';
import type { Draft, ProbeDraft } from './records.js';
import { afterFollowUp, type QuestionStep } from './question-step.js';

/** The probe as shown to the interviewer: question and guidance. */
export function probeBlock(probe: Probe): InterviewBlock {
  return { kind: 'probe', probe: probe.kind, tier: probe.tier, label: probe.label, question: probe.question, guidance: probe.guidance };
}

function withState(draft: Draft, bar: boolean, state: ProbeDraft): Draft {
  return bar ? { ...draft, barRaiser: state } : { ...draft, followUp: state };
}

/** After a probe: the bar raiser may follow a follow-up; after the bar raiser comes the rating. */
function done(ctx: QuestionContext, draft: Draft, bar: boolean, blocks: InterviewBlock[]): QuestionStep {
  const next = bar ? { draft: { ...draft, phase: 'rating' as const }, blocks: [] } : afterFollowUp(ctx, draft);
  return { ...next, blocks: [...blocks, ...next.blocks] };
}

/** Notes and ticks on a follow-up or the bar raiser. */
export function handleProbeInput(ctx: QuestionContext, draft: Draft, input: Input): QuestionStep {
  const bar = draft.phase.startsWith('bar-raiser');
  const state: ProbeDraft = (bar ? draft.barRaiser : draft.followUp) ?? { tier: null };
  const probe = ctx.probeFor(draft);
  if (!probe) return done(ctx, draft, bar, []);
  if (draft.phase === 'follow-up-notes' || draft.phase === 'bar-raiser-notes') {
    if (input.kind === 'skip') {
      const passed = withState(draft, bar, { ...state, passed: true, notes: undefined });
      return done(ctx, passed, bar, [{ kind: 'message', tone: 'info', text: `Recorded: the candidate passed on the ${bar ? 'bar-raiser question' : 'follow-up'}.` }]);
    }
    if (input.kind !== 'text') return { draft, blocks: [] };
    const suggested = suggestProbeTicks(probe, input.text);
    const next = withState(draft, bar, { ...state, passed: false, notes: input.text, suggestedItems: suggested.items, suggestedFlags: suggested.flags, items: undefined, flags: undefined });
    return { draft: { ...next, phase: bar ? 'bar-raiser-ticks' : 'follow-up-ticks' }, blocks: [] };
  }
  const all = input.kind === 'checklist' ? ticksFrom(probeItems(probe), input.values) : [...(state.suggestedItems ?? []), ...(state.suggestedFlags ?? [])];
  const items = probe.items.map((_, i) => all[i] === true);
  const flags = probe.redFlags.map((_, i) => all[probe.items.length + i] === true);
  const scored = scoreProbeTicks(probe, items, flags);
  const block: InterviewBlock = {
    kind: 'probe-score',
    probe: probe.kind,
    score: scored.score,
    band: scored.band,
    covered: items.filter(Boolean).length,
    total: items.length,
    flags: flags.filter(Boolean).length,
  };
  return done(ctx, withState(draft, bar, { ...state, items, flags }), bar, [block]);
}
