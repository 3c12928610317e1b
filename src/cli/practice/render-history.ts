import type { Attempt } from '../../core/practice/history.js';
import { plainTable, tableText } from '../reporters/plain-table.js';
import type { Style } from '../style.js';
import { formatDuration } from './render-practice.js';


/** `qbank history` as a table: when, which question, score, band, follow-up, time taken. */
export function renderHistory(attempts: readonly Attempt[], style: Style): string {
  if (attempts.length === 0) return 'No attempts yet. Start with "qbank practice".\n';
  const table = plainTable(['WHEN (UTC)', 'QUESTION', 'SCORE', 'BAND', 'FOLLOW-UP', 'TIME'].map((h) => style.bold(h)));
  for (const attempt of attempts) {
    const followUp = attempt.followUps.find((f) => f.stage !== 'bar-raiser');
    table.push([
      attempt.answeredAt.slice(0, 16).replace('T', ' '),
      attempt.questionId.length > 30 ? `${attempt.questionId.slice(0, 29)}…` : attempt.questionId,
      String(attempt.score),
      attempt.band.replace('_', ' '),
      followUp ? String(followUp.score) : '',
      formatDuration(attempt.timeTakenMs),
    ]);
  }
  return `${tableText(table)}\n`;
}
