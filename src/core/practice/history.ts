import type { AttemptRecord, FollowUpRecord, HistoryRecord, SrsCard } from './records.js';

/** An attempt with the follow-up answers that belong to it. */
export interface Attempt extends AttemptRecord {
  followUps: FollowUpRecord[];
}

/** What has been practised: attempts in time order, and per question the latest card. */
export class History {
  readonly attempts: Attempt[];
  private readonly latestCard = new Map<string, SrsCard>();
  private readonly byQuestion = new Map<string, Attempt[]>();

  constructor(records: readonly HistoryRecord[]) {
    const attempts = new Map<string, Attempt>();
    const orphans: FollowUpRecord[] = [];
    for (const record of records) {
      // A reused attemptId keeps the first attempt (the history store warns about the second).
      if (record.type === 'attempt') {
        if (!attempts.has(record.attemptId)) attempts.set(record.attemptId, { ...record, followUps: [] });
      }
      else orphans.push(record);
    }
    for (const followUp of orphans) attempts.get(followUp.attemptId)?.followUps.push(followUp);
    this.attempts = [...attempts.values()].sort((a, b) => (a.answeredAt < b.answeredAt ? -1 : a.answeredAt > b.answeredAt ? 1 : 0));
    for (const attempt of this.attempts) {
      this.latestCard.set(attempt.questionId, attempt.srs);
      const list = this.byQuestion.get(attempt.questionId) ?? [];
      list.push(attempt);
      this.byQuestion.set(attempt.questionId, list);
    }
  }

  /** The question's spaced-repetition card after its latest review, if it was ever answered. */
  card(questionId: string): SrsCard | undefined {
    return this.latestCard.get(questionId);
  }

  attemptsOf(questionId: string): readonly Attempt[] {
    return this.byQuestion.get(questionId) ?? [];
  }

  seen(questionId: string): boolean {
    return this.byQuestion.has(questionId);
  }

  /** Average score per topic over all attempts. */
  topicAverages(): Map<string, number> {
    const sums = new Map<string, { total: number; count: number }>();
    for (const attempt of this.attempts) {
      const topic = attempt.topic ?? '-';
      const entry = sums.get(topic) ?? { total: 0, count: 0 };
      entry.total += attempt.score;
      entry.count++;
      sums.set(topic, entry);
    }
    return new Map([...sums].map(([topic, { total, count }]) => [topic, total / count]));
  }
}
