import { bandLabel } from '../../core/interview/asks.js';
import type { ProbeOutcome, QuestionOutcome } from '../../core/interview/outcome.js';
import { TIER_NAMES } from '../../core/interview/probe.js';
import { recommendationLabel } from '../../core/interview/recommendation.js';
import type { Scorecard } from '../../core/interview/scorecard.js';
import { elapsedSeconds } from '../../core/interview/timer.js';
import { formatMinutes, formatSpan } from './time-zone.js';

/**
 * The words every scorecard format shares, computed once: the Markdown and HTML reporters only
 * lay them out.
 */
export interface ScorecardOptions {
  /** IANA zone the times are shown in. */
  timeZone: string;
}

export interface ProbeView {
  /** `Follow-up: depth probe`, `Bar raiser`. */
  name: string;
  /** `Follow-up: depth probe · Depth Probe (suggested: guided probe)`. */
  title: string;
  result: string;
  covered: string[];
  missed: string[];
  redFlags: string[];
  notes: string;
}

export interface ConceptView {
  name: string;
  kind: 'mandatory' | 'bonus';
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
  overridden: boolean;
  reason: string | null;
  scorer: string | null;
  /** Points towards the recommendation and why (`excellent at level: 3`); null when left out. */
  points: { points: number; why: string } | null;
  covered: ConceptView[];
  missed: ConceptView[];
  keywordsHit: string[];
  keywordsMissed: string[];
  redFlags: string[];
  followUps: ProbeView[];
  /** Probes asked from the live panel during the answer: `at 2:10, for Output Rule: "…"`. */
  probesAsked: string[];
  /** `4 min (6-8 planned)`, `11 min (8-10 planned, over)`. */
  time: string;
  notes: string;
}

export interface VerdictView {
  /** `hire`. */
  call: string;
  /** For colour and words alike: a hire, a no hire, or no decision. */
  tone: 'hire' | 'no-hire' | 'none';
  /** `Confirmed by Bo.`, `Overridden by Bo; the rule gives hire.`, `Derived so far; not confirmed yet.` */
  how: string;
  /** The interviewer's reason for an override. */
  reason: string | null;
  /** `Average 2.00 points over 2 questions (2 answered, 0 passed).` */
  basis: string;
}

export interface ScorecardView {
  candidate: string;
  /** `Mon 2 Mar 2026`, in the chosen zone. */
  date: string;
  facts: Array<[string, string]>;
  verdict: VerdictView;
  questions: QuestionView[];
  pending: string[];
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
    name,
    title: `${name}${probe.label ? ` · ${probe.label}` : ''}${suggested}`,
    result: probe.status === 'passed' ? 'passed (not answered)' : `${probe.score ?? 0}/100, ${bandLabel(probe.band ?? 'insufficient')}`,
    covered: probe.items.filter((i) => i.ticked).map((i) => i.text),
    missed: probe.status === 'answered' ? probe.items.filter((i) => !i.ticked).map((i) => i.text) : [],
    redFlags: probe.redFlags.filter((f) => f.ticked).map((f) => `${f.text}${f.penalty > 0 ? ` (−${f.penalty})` : ''}`),
    notes: probe.notes,
  };
}

/** `4 min (6-8 planned)`. */
function timeTaken(outcome: QuestionOutcome): string {
  const seconds = elapsedSeconds(outcome.startedAt, new Date(outcome.endedAt));
  const budget = outcome.estimated;
  if (!budget) return formatMinutes(seconds);
  const range = budget.min === budget.max ? `${budget.max}` : `${budget.min}-${budget.max}`;
  return `${formatMinutes(seconds)} (${range} planned${seconds > budget.max * 60 ? ', over' : ''})`;
}

export function questionView(outcome: QuestionOutcome, points: QuestionView['points'] = null): QuestionView {
  const answered = outcome.status === 'answered';
  const rating = outcome.rating;
  const concept = (c: QuestionOutcome['concepts'][number]): ConceptView => ({ name: c.name, kind: c.kind });
  return {
    number: outcome.index + 1,
    title: outcome.title,
    id: outcome.id,
    meta: [outcome.level, outcome.category, outcome.topic].filter(Boolean).join(' · '),
    status: outcome.status,
    result: describeResult(outcome),
    rating: !rating ? '—' : rating.overridden ? `${bandLabel(rating.band)} (overridden; computed ${bandLabel(outcome.band ?? 'insufficient')})` : bandLabel(rating.band),
    overridden: rating?.overridden ?? false,
    reason: rating?.reason ?? null,
    scorer: outcome.scorer ? `${outcome.scorer.score}/100, ${bandLabel(outcome.scorer.band)}` : null,
    points,
    covered: outcome.concepts.filter((c) => c.ticked).map(concept),
    missed: answered ? outcome.concepts.filter((c) => !c.ticked).map(concept) : [],
    keywordsHit: outcome.keywords.filter((k) => k.ticked).map((k) => k.text),
    keywordsMissed: answered ? outcome.keywords.filter((k) => !k.ticked).map((k) => k.text) : [],
    redFlags: outcome.redFlags.filter((f) => f.ticked).map((f) => `${f.text}${f.penalty > 0 ? ` (−${f.penalty})` : ''}`),
    followUps: outcome.followUps.map(probeView),
    probesAsked: (outcome.probesAsked ?? []).map((p) => `at ${Math.floor(p.atSeconds / 60)}:${String(p.atSeconds % 60).padStart(2, '0')}, for ${p.concept}: "${p.question}"`),
    time: timeTaken(outcome),
    notes: outcome.notes,
  };
}

/** The recommendation and how it came about. */
export function verdictView(card: Scorecard): VerdictView {
  const r = card.recommendation;
  const who = card.interviewer ?? 'the interviewer';
  const how = !r.confirmed
    ? `Derived so far; not confirmed by ${who} yet.`
    : r.overridden
      ? `Overridden by ${who}; the rule gives ${recommendationLabel(r.derived)}.`
      : `Derived by the rule and confirmed by ${who}.`;
  const average = r.average === null ? 'No question counted' : `Average ${r.average.toFixed(2)} points over ${r.counted} question${r.counted === 1 ? '' : 's'}`;
  return {
    call: recommendationLabel(r.final),
    tone: r.final === 'strong_hire' || r.final === 'hire' ? 'hire' : r.final === 'no_decision' ? 'none' : 'no-hire',
    how,
    reason: r.reason ?? (r.overridden ? '—' : null),
    basis: `${average} (${r.answered} answered, ${r.passed} passed).`,
  };
}

/** Each question's entry in the rule's points, which leave out the questions not asked. */
function pointsByQuestion(card: Scorecard): Array<QuestionView['points']> {
  const counted = [...card.recommendation.points];
  return card.questions.map((q) => {
    if (q.status === 'not_asked') return null;
    const next = counted[0]?.id === q.id ? counted.shift() : undefined;
    return next ? { points: next.points, why: next.why } : null;
  });
}

/** Everything a scorecard shows, times in `options.timeZone`. */
export function scorecardView(card: Scorecard, options: ScorecardOptions): ScorecardView {
  const points = pointsByQuestion(card);
  const { date, time } = formatSpan(new Date(card.startedAt), new Date(card.updatedAt), options.timeZone);
  const pending = card.pending.length;
  const status = card.complete ? 'complete' : `in progress (${pending} question${pending === 1 ? '' : 's'} to go${pending === 0 ? ', decision pending' : ''})`;
  return {
    candidate: card.candidate,
    date,
    facts: [
      ['Candidate', card.candidate],
      ['Interviewer', card.interviewer ?? '—'],
      ['Target level', card.targetLevel],
      ['Date', date],
      ['Time', time],
      ['Duration', formatMinutes(elapsedSeconds(card.startedAt, new Date(card.updatedAt)))],
      ['Session', card.session],
      ['Status', status],
    ],
    verdict: verdictView(card),
    questions: card.questions.map((q, i) => questionView(q, points[i] ?? null)),
    pending: card.pending,
  };
}
