import type { AttemptRecord } from '../../src/core/practice/records.js';

/** A valid attempt record of the history, with `overrides` applied. */
export function attemptRecord(overrides: Record<string, unknown> = {}): AttemptRecord {
  return {
    v: 1, type: 'attempt', attemptId: 'a1', session: 's1', questionId: 'fixture-output-rule-L3-001', questionType: 'subjective', title: 'Output rule',
    topic: 'primary-backup', level: 'L3', askedAt: '2026-03-01T10:00:00.000Z', answeredAt: '2026-03-01T10:05:00.000Z', timeTakenMs: 300_000,
    answer: 'The output rule.', score: 40, band: 'needs_improvement', passed: false,
    srs: { due: '2026-03-02T10:00:00.000Z', stability: 1, difficulty: 5, elapsed_days: 0, scheduled_days: 1, reps: 1, lapses: 0, state: 2 },
    ...overrides,
  } as AttemptRecord;
}
