import { describe, expect, it } from 'vitest';
import { History } from '../../src/core/practice/history.js';
import { selectQuestions } from '../../src/core/practice/selection.js';
import type { Question } from '../../src/core/model/question.js';
import type { HistoryRecord } from '../../src/core/practice/records.js';

const question = (id: string, topic: string) => ({ type: 'mcq', frontmatter: { id, topic, tags: [] } }) as unknown as Question;
const bank = [question('a1', 'alpha'), question('a2', 'alpha'), question('a3', 'alpha'), question('b1', 'beta'), question('b2', 'beta'), question('c1', 'gamma')];

function attempt(questionId: string, topic: string, score: number, due: string): HistoryRecord {
  return {
    v: 1, type: 'attempt', attemptId: questionId, session: 's', questionId, questionType: 'mcq', title: questionId, topic, level: null,
    askedAt: '2026-01-01T00:00:00.000Z', answeredAt: '2026-01-01T00:01:00.000Z', timeTakenMs: 60_000, answer: 'A', score, band: score > 50 ? 'excellent' : 'insufficient', passed: score > 50,
    srs: { due, stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 0, reps: 1, lapses: 0, state: 1 },
  };
}
const now = new Date('2026-01-10T00:00:00Z');

describe('choosing what to practise', () => {
  it('spreads a fresh session over the topics', () => {
    const picked = selectQuestions(bank, new History([]), { count: 4 }, now);
    expect(picked.map((q) => q.frontmatter.id)).toEqual(['a1', 'b1', 'c1', 'a2']);
  });

  it('puts unseen questions first, then the weakest topic', () => {
    const history = new History([attempt('a1', 'alpha', 100, '2026-02-01T00:00:00.000Z'), attempt('b1', 'beta', 0, '2026-01-02T00:00:00.000Z'), attempt('c1', 'gamma', 100, '2026-01-05T00:00:00.000Z')]);
    const picked = selectQuestions(bank, history, { count: 6 }, now);
    // Unseen: beta (average 0) before alpha (100); then the seen ones, weakest topic first.
    expect(picked.map((q) => q.frontmatter.id)).toEqual(['b2', 'a2', 'a3', 'b1', 'a1', 'c1']);
  });

  it('takes the due questions, soonest first', () => {
    const history = new History([attempt('a1', 'alpha', 100, '2026-02-01T00:00:00.000Z'), attempt('b1', 'beta', 0, '2026-01-02T00:00:00.000Z'), attempt('c1', 'gamma', 100, '2026-01-05T00:00:00.000Z')]);
    expect(selectQuestions(bank, history, { due: true }, now).map((q) => q.frontmatter.id)).toEqual(['b1', 'c1']);
  });

  it('takes named questions as given', () => {
    expect(selectQuestions(bank, new History([]), { ids: ['c1', 'a2'] }, now).map((q) => q.frontmatter.id)).toEqual(['c1', 'a2']);
  });
});
