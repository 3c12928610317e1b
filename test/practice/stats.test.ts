import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { History } from '../../src/core/practice/history.js';
import { computeStats } from '../../src/core/practice/stats.js';
import type { HistoryRecord } from '../../src/core/practice/records.js';
import { renderStats } from '../../src/cli/practice/render-stats.js';

function attempt(n: number, day: string, questionId: string, topic: string, level: string, score: number, missed: string[], due: string): HistoryRecord {
  return {
    v: 1, type: 'attempt', attemptId: `a${n}`, session: 's', questionId, questionType: 'subjective', title: questionId, topic, level,
    askedAt: `${day}T10:00:00.000Z`, answeredAt: `${day}T10:05:00.000Z`, timeTakenMs: 300_000, answer: 'x', score,
    band: score >= 75 ? 'excellent' : score >= 60 ? 'good' : score >= 35 ? 'needs_improvement' : 'insufficient', passed: score >= 45,
    result: { concepts: ['Batching', 'Leases', 'Bonus Idea'].map((name) => ({ name, kind: name === 'Bonus Idea' ? 'bonus' : 'mandatory', covered: !missed.includes(name) })) },
    srs: { due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, reps: 1, lapses: 0, state: 2 },
  };
}

const records = [
  attempt(1, '2026-03-01', 'raft-a', 'raft', 'L4', 40, ['Batching', 'Leases', 'Bonus Idea'], '2026-03-02T10:00:00.000Z'),
  attempt(2, '2026-03-02', 'raft-a', 'raft', 'L4', 70, ['Leases'], '2026-03-09T10:00:00.000Z'),
  attempt(3, '2026-03-02', 'perf-b', 'performance', 'L5', 90, [], '2026-03-03T10:00:00.000Z'),
  attempt(4, '2026-03-04', 'perf-c', 'performance', 'L3', 20, ['Leases'], '2026-04-01T10:00:00.000Z'),
];

describe('progress statistics', () => {
  const stats = computeStats(new History(records), new Date('2026-03-05T00:00:00Z'));

  it('averages by topic and by level', () => {
    expect(stats.byTopic).toEqual([
      { key: 'performance', attempts: 2, average: 55 },
      { key: 'raft', attempts: 2, average: 55 },
    ]);
    expect(stats.byLevel.map((g) => [g.key, g.average])).toEqual([['L3', 20], ['L4', 55], ['L5', 90]]);
    expect(stats.averageScore).toBe(55);
  });

  it('charts the average per day', () => {
    expect(stats.trend).toEqual([
      { date: '2026-03-01', attempts: 1, average: 40 },
      { date: '2026-03-02', attempts: 2, average: 80 },
      { date: '2026-03-04', attempts: 1, average: 20 },
    ]);
  });

  it('ranks the mandatory concepts most often missed, bonus ones left out', () => {
    expect(stats.missedConcepts).toEqual([
      { questionId: 'raft-a', concept: 'Leases', missed: 2, attempts: 2 },
      { questionId: 'raft-a', concept: 'Batching', missed: 1, attempts: 2 },
      { questionId: 'perf-c', concept: 'Leases', missed: 1, attempts: 1 },
    ]);
  });

  it('counts the questions due by their latest card', () => {
    // raft-a's latest card is due on 9 March, perf-b's on 3 March, perf-c's on 1 April.
    expect(stats.due).toEqual({ now: 1, next: '2026-03-09T10:00:00.000Z' });
  });

  it('renders tables, a chart and the due count within 80 columns', () => {
    const text = renderStats(stats, { style: new Chalk({ level: 0 }), width: 80 });
    expect(text).toMatch(/^4 attempts on 3 questions, average score 55/);
    expect(text).toContain('Average score per day (2026-03-01 to 2026-03-04)');
    expect(text).toMatch(/ 100 ┼/);
    expect(text).toMatch(/  75 ┤╭╮/);
    expect(text).toContain('2/2  Leases (raft-a)');
    expect(text).toContain('1 question due for review: qbank practice --due');
    expect(text.split('\n').every((line) => line.length <= 80)).toBe(true);
  });
});
