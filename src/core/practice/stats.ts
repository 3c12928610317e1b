import type { History } from './history.js';
import { isDue } from './srs.js';

export interface GroupStats {
  key: string;
  attempts: number;
  average: number;
}

/** Progress over the whole history, as `qbank stats` shows it. */
export interface PracticeStats {
  attempts: number;
  questionsPractised: number;
  averageScore: number;
  byTopic: GroupStats[];
  byLevel: GroupStats[];
  /** Average score per day with attempts (UTC), oldest first. */
  trend: Array<{ date: string; attempts: number; average: number }>;
  /** Mandatory concepts most often missed, most first. */
  missedConcepts: Array<{ questionId: string; concept: string; missed: number; attempts: number }>;
  /** Questions whose spaced-repetition card is due now, and the soonest due date of the others. */
  due: { now: number; next: string | null };
}

function grouped(entries: ReadonlyArray<{ key: string; score: number }>): GroupStats[] {
  const groups = new Map<string, { total: number; count: number }>();
  for (const { key, score } of entries) {
    const group = groups.get(key) ?? { total: 0, count: 0 };
    group.total += score;
    group.count++;
    groups.set(key, group);
  }
  return [...groups]
    .map(([key, { total, count }]) => ({ key, attempts: count, average: total / count }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Aggregates a history. Linear in the number of attempts. */
export function computeStats(history: History, now: Date, options: { trendDays?: number; topMissed?: number } = {}): PracticeStats {
  const { attempts } = history;
  const trend = grouped(attempts.map((a) => ({ key: a.answeredAt.slice(0, 10), score: a.score })))
    .slice(-(options.trendDays ?? 30))
    .map((g) => ({ date: g.key, attempts: g.attempts, average: g.average }));

  const missed = new Map<string, { questionId: string; concept: string; missed: number; attempts: number }>();
  for (const attempt of attempts) {
    for (const concept of attempt.result?.concepts ?? []) {
      if (concept.kind !== 'mandatory') continue;
      const key = `${attempt.questionId}\u0000${concept.name}`;
      const entry = missed.get(key) ?? { questionId: attempt.questionId, concept: concept.name, missed: 0, attempts: 0 };
      entry.attempts++;
      if (!concept.covered) entry.missed++;
      missed.set(key, entry);
    }
  }

  const questionIds = [...new Set(attempts.map((a) => a.questionId))];
  let dueNow = 0;
  let next: string | null = null;
  for (const id of questionIds) {
    const card = history.card(id);
    if (!card) continue;
    if (isDue(card, now)) dueNow++;
    else if (next === null || card.due < next) next = card.due;
  }

  return {
    attempts: attempts.length,
    questionsPractised: questionIds.length,
    averageScore: attempts.length === 0 ? 0 : attempts.reduce((sum, a) => sum + a.score, 0) / attempts.length,
    byTopic: grouped(attempts.map((a) => ({ key: a.topic ?? '-', score: a.score }))),
    byLevel: grouped(attempts.map((a) => ({ key: a.level ?? '-', score: a.score }))),
    trend,
    missedConcepts: [...missed.values()]
      .filter((m) => m.missed > 0)
      .sort((a, b) => b.missed - a.missed || a.concept.localeCompare(b.concept))
      .slice(0, options.topMissed ?? 10),
    due: { now: dueNow, next },
  };
}
