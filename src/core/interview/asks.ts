import type { Ask } from '../session/interaction.js';
import { BANDS, type Band } from '../score/result.js';
import { conceptItems, flagItems, keywordItems, type ChecklistItem } from './checklist.js';
import { askId, type QuestionContext } from './context.js';
import { availableTiers, probeItems, TIER_NAMES } from './probe.js';
import type { Draft } from './records.js';
import { RECOMMENDATIONS, recommendationLabel, type RecommendationBasis } from './recommendation.js';
import { ticksScore } from './ticks-score.js';
import { elapsedSeconds, formatTimer } from './timer.js';

const BAND_LABELS: Record<Band, string> = { excellent: 'excellent', good: 'good', needs_improvement: 'needs improvement', insufficient: 'insufficient' };

export function bandLabel(band: Band): string {
  return BAND_LABELS[band];
}

function checklist(id: string, message: string, items: readonly ChecklistItem[], ticks: readonly boolean[]): Ask {
  return { kind: 'checklist', id, message, items: items.map((item, i) => ({ ...item, checked: ticks[i] === true })) };
}

function short(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The live panel's line commands while the main notes are typed. */
export const LIVE_COMMANDS = [
  { name: ':p', help: 'panel' },
  { name: ':t', help: 'probe asked' },
  { name: ':n', help: 'next probe' },
  { name: ':c', arg: 'N', help: 'probe concept N' },
];

/** The line command while a follow-up's notes are typed: its panel redrawn. */
export const PROBE_COMMANDS = [{ name: ':p', help: 'panel' }];

/** The lines already typed at this phase (a resumed session), for the prompt to show and continue. */
function typedSoFar(draft: Draft): { typed?: string[] } {
  return draft.typed?.phase === draft.phase && draft.typed.lines.length > 0 ? { typed: draft.typed.lines } : {};
}

/** What the interviewer is asked at the draft's phase; every message carries the timer. */
export function askFor(ctx: QuestionContext, draft: Draft, now: Date): Ask {
  const timer = formatTimer(elapsedSeconds(draft.startedAt, now), ctx.question.frontmatter.estimatedTime);
  const id = askId(ctx.index, draft.phase);
  const suggested = draft.suggested;
  switch (draft.phase) {
    case 'notes':
      return { kind: 'text', id, message: `Notes or transcript · ${timer}`, allowEditor: true, form: 'notes', skip: 'pass', ...typedSoFar(draft), live: { commands: LIVE_COMMANDS, panel: true } };
    case 'pass-choice':
      return {
        kind: 'choice',
        id,
        message: `No notes: what happened? · ${timer}`,
        default: 'pass',
        choices: [
          { value: 'pass', label: 'The candidate passes on this question (counts as not shown)' },
          { value: 'not_asked', label: 'Not asked (left out of the recommendation)' },
          { value: 'back', label: 'Back to the notes' },
        ],
      };
    case 'concepts':
    {
      // The scorer ticks what it fully heard; what it partly heard is labelled for the interviewer to judge.
      const items = conceptItems(ctx.question).map((item, i) => (suggested?.partly?.[i] ? { ...item, label: `${item.label} (partly heard)` } : item));
      return checklist(id, `Concepts ([M] mandatory, [B] bonus) · ${timer}`, items, draft.concepts ?? suggested?.concepts ?? []);
    }
    case 'keywords':
      return checklist(id, `Keywords ([E] expected, [B] bonus) · ${timer}`, keywordItems(ctx.question), draft.keywords ?? suggested?.keywords ?? []);
    case 'flags':
      return checklist(id, `Red flags heard · ${timer}`, flagItems(ctx.question), draft.flags ?? suggested?.flags ?? []);
    case 'follow-up-choice': {
      const tier = ticksScore(ctx, draft).followUp;
      const tiers = availableTiers(ctx.question);
      return {
        kind: 'choice',
        id,
        message: `Follow-up to ask · ${timer}`,
        default: tiers.includes(tier) ? tier : 'none',
        choices: [
          ...tiers.map((t) => ({ value: t, label: `${TIER_NAMES[t]}${t === tier ? ' (suggested)' : ''}: ${short(ctx.followUp(t)?.question ?? '', 48)}` })),
          { value: 'none', label: 'No follow-up' },
        ],
      };
    }
    case 'follow-up-notes':
    case 'bar-raiser-notes':
      return { kind: 'text', id, message: `${draft.phase === 'follow-up-notes' ? 'Follow-up' : 'Bar-raiser'} notes · ${timer}`, allowEditor: true, form: 'notes', ...typedSoFar(draft), live: { commands: PROBE_COMMANDS, panel: true } };
    case 'follow-up-ticks':
    case 'bar-raiser-ticks': {
      const probe = ctx.probeFor(draft);
      const state = draft.phase === 'follow-up-ticks' ? draft.followUp : draft.barRaiser;
      const items = probe ? probeItems(probe) : [];
      const ticks = [...(state?.items ?? state?.suggestedItems ?? []), ...(state?.flags ?? state?.suggestedFlags ?? [])];
      return checklist(id, `${draft.phase === 'follow-up-ticks' ? 'Follow-up' : 'Bar-raiser'} items covered · ${timer}`, items, ticks);
    }
    case 'bar-raiser-confirm':
      return { kind: 'confirm', id, message: `Excellent answer: ask the bar-raiser question? · ${timer}`, default: true };
    case 'rating': {
      const { score, band } = ticksScore(ctx, draft);
      return {
        kind: 'choice',
        id,
        message: `Your rating · ${timer}`,
        default: band,
        choices: BANDS.map((b) => ({ value: b, label: b === band ? `${bandLabel(b)} (computed: ${score}/100)` : bandLabel(b) })),
      };
    }
    case 'reason':
      return { kind: 'text', id, message: `Why ${bandLabel(draft.rating ?? 'good')} rather than the computed ${bandLabel(ticksScore(ctx, draft).band)}?`, allowEditor: false, form: 'line', skip: 'goes back' };
  }
}

/** The final call: the derived recommendation is the default. */
export function decisionAsk(basis: RecommendationBasis): Ask {
  return {
    kind: 'choice',
    id: 'decision',
    message: 'Your recommendation',
    default: basis.value,
    choices: RECOMMENDATIONS.map((r) => ({ value: r, label: r === basis.value ? `${recommendationLabel(r)} (derived)` : recommendationLabel(r) })),
  };
}

export function decisionReasonAsk(derived: string, chosen: string): Ask {
  return { kind: 'text', id: 'decision-reason', message: `Why ${recommendationLabel(chosen as never)} rather than the derived ${recommendationLabel(derived as never)}?`, allowEditor: false, form: 'line', skip: 'goes back' };
}
