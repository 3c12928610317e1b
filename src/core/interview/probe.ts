import type { FollowUpTier } from '../model/elements.js';
import { askableBarRaiser, type SubjectiveQuestion } from '../model/subjective.js';
import { listCredit, bandFor } from '../score/bands.js';
import { compileBarRaiser, compileFollowUp, followUpItems, type CompiledChecklist, type CompiledRubric } from '../score/compile.js';
import { scoreChecklist } from '../score/score-checklist.js';
import type { Band } from '../score/result.js';
import { flagPenalties, uniqueValues, type ChecklistItem } from './checklist.js';

export type ProbeKind = 'follow_up' | 'bar_raiser';

/** A follow-up or the bar raiser, ready to show and to tick. */
export interface Probe {
  kind: ProbeKind;
  tier: FollowUpTier | null;
  label: string | null;
  question: string;
  /** Guidance lines for the interviewer: `Looking for`, `Red flags`, `Hint embedded`, … */
  guidance: Array<{ key: string; value: string }>;
  /** What the answer is ticked against. */
  items: string[];
  redFlags: string[];
  compiled: CompiledChecklist;
}

export const TIER_NAMES: Record<FollowUpTier, string> = { excellent: 'depth probe', partial: 'guided probe', weak: 'foundation check' };

/** The follow-up of a tier, if the question has one with a question line. */
export function followUpProbe(question: SubjectiveQuestion, rubric: CompiledRubric, tier: FollowUpTier): Probe | undefined {
  const followUp = question.followUps[tier];
  if (!followUp?.question) return undefined;
  return {
    kind: 'follow_up',
    tier,
    label: followUp.label ?? null,
    question: followUp.question.text,
    guidance: followUp.probes.map((p) => ({ key: p.key, value: p.value })),
    items: followUpItems(followUp),
    redFlags: followUp.probes.filter((p) => p.kind === 'red_flags').flatMap((p) => p.items),
    compiled: compileFollowUp(rubric, followUp),
  };
}

/** The bar-raiser question, if the question has one with concepts to tick. */
export function barRaiserProbe(question: SubjectiveQuestion, rubric: CompiledRubric): Probe | undefined {
  const barRaiser = askableBarRaiser(question);
  if (!barRaiser) return undefined;
  return {
    kind: 'bar_raiser',
    tier: null,
    label: barRaiser.label ?? null,
    question: barRaiser.question.text,
    guidance: [{ key: 'Looking for', value: barRaiser.concepts.map((c) => c.text).join('; ') }],
    items: barRaiser.concepts.map((c) => c.text),
    redFlags: [],
    compiled: compileBarRaiser(rubric, barRaiser.concepts),
  };
}

/** The tiers a question offers, in order. */
export function availableTiers(question: SubjectiveQuestion): FollowUpTier[] {
  return (['excellent', 'partial', 'weak'] as const).filter((tier) => question.followUps[tier]?.question !== undefined);
}

/** The probe's checklist: its items, then its red flags prefixed `red flag:`. */
export function probeItems(probe: Probe): ChecklistItem[] {
  const items = uniqueValues(probe.items).map((value) => ({ value, label: value }));
  const flags = uniqueValues(probe.redFlags).map((text) => ({ value: `red flag: ${text}`, label: `red flag: ${text}` }));
  return [...items, ...flags];
}

/** What the scorer finds of the probe's items and red flags in the notes. */
export function suggestProbeTicks(probe: Probe, notes: string): { items: boolean[]; flags: boolean[] } {
  const result = scoreChecklist(probe.compiled, notes);
  const flagged = new Set(result.redFlags.map((f) => f.text));
  return { items: result.items.map((i) => i.covered), flags: probe.compiled.redFlags.map((f) => flagged.has(f.text)) };
}

/** The score of the interviewer's ticks on a probe, by the same formula as `scoreChecklist`. */
export function scoreProbeTicks(probe: Probe, items: readonly boolean[], flags: readonly boolean[]): { score: number; band: Band; penalties: number[] } {
  const { config } = probe.compiled;
  const covered = items.filter(Boolean).length;
  const penalties = flagPenalties(probe.compiled.redFlags.map((f) => f.mode), flags, config.mistakes.penalty, config.mistakes.maxPenalty);
  const penalty = penalties.reduce((sum, p) => sum + p, 0);
  const score = Math.max(0, Math.min(100, Math.round(100 * listCredit(covered, items.length, config.saturation.followUpItems) - penalty)));
  return { score, band: bandFor(score, config), penalties };
}
