import { BANDS, type Band } from '../score/result.js';
import type { Recommendation } from './recommendation.js';
import type { Scorecard } from './scorecard.js';

/** One interviewer's view of one question in a panel. */
export interface PanelCell {
  interviewer: string;
  status: 'answered' | 'passed' | 'not_asked' | 'absent';
  band: Band | null;
  score: number | null;
}

export interface PanelQuestion {
  id: string;
  title: string;
  cells: PanelCell[];
  /** Bands between the highest and the lowest rating (a pass counts as insufficient). */
  spread: number;
  /** A spread of one band or more. */
  disagree: boolean;
}

/** Several interviewers' scorecards for one candidate, side by side. */
export interface Panel {
  candidate: string;
  interviewers: Array<{ name: string; session: string; recommendation: Recommendation; complete: boolean }>;
  questions: PanelQuestion[];
  /** Whether the interviewers' final recommendations differ (no_decision aside). */
  recommendationsDiffer: boolean;
}

export type PanelResult = { ok: true; panel: Panel } | { ok: false; message: string };

const sameName = (a: string) => a.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
/** 3 for excellent … 0 for insufficient. */
const rank = (band: Band) => BANDS.length - 1 - BANDS.indexOf(band);

/** Lines up scorecards by question; `labels` name each card's source for messages and fallbacks. */
export function mergeScorecards(cards: readonly Scorecard[], labels: readonly string[]): PanelResult {
  const first = cards[0];
  if (!first) return { ok: false, message: 'Give at least two scorecard JSON files to merge' };
  for (const [i, card] of cards.entries()) {
    if (sameName(card.candidate) !== sameName(first.candidate)) {
      return { ok: false, message: `${labels[i]} is for "${card.candidate}" but ${labels[0]} is for "${first.candidate}"; merge scorecards of one candidate only` };
    }
  }
  const names = cards.map((card, i) => card.interviewer ?? labels[i] ?? `interviewer ${i + 1}`);
  const unique = names.map((name, i) => (names.indexOf(name) === i ? name : `${name} (${labels[i]})`));
  const order: Array<{ id: string; title: string }> = [];
  for (const card of cards) for (const q of card.questions) if (!order.some((o) => o.id === q.id)) order.push({ id: q.id, title: q.title });
  const questions = order.map(({ id, title }): PanelQuestion => {
    const cells = cards.map((card, i): PanelCell => {
      const outcome = card.questions.find((q) => q.id === id);
      if (!outcome) return { interviewer: unique[i] ?? '', status: 'absent', band: null, score: null };
      return { interviewer: unique[i] ?? '', status: outcome.status, band: outcome.rating?.band ?? null, score: outcome.score };
    });
    const ranks = cells.flatMap((c) => (c.status === 'answered' && c.band ? [rank(c.band)] : c.status === 'passed' ? [0] : []));
    const spread = ranks.length < 2 ? 0 : Math.max(...ranks) - Math.min(...ranks);
    return { id, title, cells, spread, disagree: spread >= 1 };
  });
  const finals = new Set(cards.map((c) => c.recommendation.final).filter((r) => r !== 'no_decision'));
  return {
    ok: true,
    panel: {
      candidate: first.candidate,
      interviewers: cards.map((card, i) => ({ name: unique[i] ?? '', session: card.session, recommendation: card.recommendation.final, complete: card.complete })),
      questions,
      recommendationsDiffer: finals.size > 1,
    },
  };
}
