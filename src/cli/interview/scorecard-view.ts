import { bandLabel } from '../../core/interview/asks.js';
import type { ProbeOutcome, QuestionOutcome } from '../../core/interview/outcome.js';
import { TIER_NAMES } from '../../core/interview/probe.js';
import { recommendationLabel } from '../../core/interview/recommendation.js';
import type { Scorecard } from '../../core/interview/scorecard.js';
import { elapsedSeconds, formatTimer } from '../../core/interview/timer.js';

/**
 * The words every scorecard format shares, computed once: the Markdown and HTML reporters only
 * lay them out.
 */
export interface ProbeView {
  title: string;
  result: string;
  covered: string[];
  missed: string[];
  redFlags: string[];
  notes: string;
}

export interface QuestionView {
  number: number;
  title: string;
  id: string;
  meta: string;
  status: QuestionOutcome['status'];
  /** `92/100, excellent`, `passed`, `not asked`. */
  result: string;
  /** `excellent`, or `good (overridden; computed excellent)`. */
  rating: string;
  reason: string | null;
  scorer: string | null;
  covered: string[];
  missed: string[];
  keywordsHit: string[];
  keywordsMissed: string[];
  redFlags: string[];
  followUps: ProbeView[];
  time: string;
  notes: string;
}

export function describeResult(outcome: QuestionOutcome): string {
  if (outcome.status === 'passed') return 'passed (not answered)';
  if (outcome.status === 'not_asked') return 'not asked';
  return `${outcome.score ?? 0}/100, ${bandLabel(outcome.band ?? 'insufficient')}`;
}

function probeView(probe: ProbeOutcome): ProbeView {
  const name = probe.kind === 'bar_raiser' ? 'Bar raiser' : `Follow-up: ${probe.tier ? TIER_NAMES[probe.tier] : 'probe'}`;
  const suggested = probe.kind === 'follow_up' && probe.suggestedTier && probe.suggestedTier !== probe.tier ? ` (suggested: ${TIER_NAMES[probe.suggestedTier]})` : '';
  return {
    title: `${name}${probe.label ? ` · ${probe.label}` : ''}${suggested}`,
    result: probe.status === 'passed' ? 'passed (not answered)' : `${probe.score ?? 0}/100, ${bandLabel(probe.band ?? 'insufficient')}`,
    covered: probe.items.filter((i) => i.ticked).map((i) => i.text),
    missed: probe.status === 'answered' ? probe.items.filter((i) => !i.ticked).map((i) => i.text) : [],
    redFlags: probe.redFlags.filter((f) => f.ticked).map((f) => `${f.text}${f.penalty > 0 ? ` (−${f.penalty})` : ''}`),
    notes: probe.notes,
  };
}

export function questionView(outcome: QuestionOutcome): QuestionView {
  const answered = outcome.status === 'answered';
  const rating = outcome.rating;
  return {
    number: outcome.index + 1,
    title: outcome.title,
    id: outcome.id,
    meta: [outcome.level, outcome.category, outcome.topic].filter(Boolean).join(' · '),
    status: outcome.status,
    result: describeResult(outcome),
    rating: !rating ? '—' : rating.overridden ? `${bandLabel(rating.band)} (overridden; computed ${bandLabel(outcome.band ?? 'insufficient')})` : bandLabel(rating.band),
    reason: rating?.reason ?? null,
    scorer: outcome.scorer ? `${outcome.scorer.score}/100, ${bandLabel(outcome.scorer.band)}` : null,
    covered: outcome.concepts.filter((c) => c.ticked).map((c) => `${c.name} (${c.kind})`),
    missed: answered ? outcome.concepts.filter((c) => !c.ticked).map((c) => `${c.name} (${c.kind})`) : [],
    keywordsHit: outcome.keywords.filter((k) => k.ticked).map((k) => k.text),
    keywordsMissed: answered ? outcome.keywords.filter((k) => !k.ticked).map((k) => k.text) : [],
    redFlags: outcome.redFlags.filter((f) => f.ticked).map((f) => `${f.text}${f.penalty > 0 ? ` (−${f.penalty})` : ''}`),
    followUps: outcome.followUps.map(probeView),
    time: formatTimer(elapsedSeconds(outcome.startedAt, new Date(outcome.endedAt)), outcome.estimated),
    notes: outcome.notes,
  };
}

/** The header facts of a scorecard, as label/value pairs. */
export function overview(card: Scorecard): Array<[string, string]> {
  const status = card.complete ? 'complete' : `in progress (${card.pending.length} question${card.pending.length === 1 ? '' : 's'} to go${card.pending.length === 0 ? ', decision pending' : ''})`;
  return [
    ['Candidate', card.candidate],
    ['Interviewer', card.interviewer ?? '—'],
    ['Target level', card.targetLevel],
    ['Session', card.session],
    ['Started', card.startedAt],
    ['Last saved', card.updatedAt],
    ['Status', status],
  ];
}

/** `hire`, with how it came about. */
export function recommendationLines(card: Scorecard): { final: string; lines: string[] } {
  const r = card.recommendation;
  const lines: string[] = [];
  if (!r.confirmed) lines.push(`Derived so far: ${recommendationLabel(r.derived)}; not yet confirmed by the interviewer.`);
  else if (r.overridden) lines.push(`Overridden by the interviewer; the rule gives ${recommendationLabel(r.derived)}. Reason: ${r.reason ?? '—'}`);
  else lines.push(`Derived by the rule and confirmed by the interviewer.`);
  const average = r.average === null ? 'no question counted' : `average ${r.average.toFixed(2)} points over ${r.counted} question${r.counted === 1 ? '' : 's'}`;
  lines.push(`Basis: ${average} (${r.answered} answered, ${r.passed} passed).`);
  return { final: recommendationLabel(r.final), lines };
}
