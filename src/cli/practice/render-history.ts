import Table from 'cli-table3';
import type { Attempt } from '../../core/practice/history.js';
import type { Style } from '../style.js';
import { formatDuration } from './render-practice.js';

const PLAIN = {
  chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ' },
  style: { head: [] as string[], border: [] as string[], 'padding-left': 0, 'padding-right': 0 },
};

/** `qbank history` as a table: when, which question, score, band, follow-up, time taken. */
export function renderHistory(attempts: readonly Attempt[], style: Style): string {
  if (attempts.length === 0) return 'No attempts yet. Start with "qbank practice".\n';
  const table = new Table({ ...PLAIN, head: ['WHEN (UTC)', 'QUESTION', 'SCORE', 'BAND', 'FOLLOW-UP', 'TIME'].map((h) => style.bold(h)) });
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
  return `${table.toString().split('\n').map((line) => line.trimEnd()).join('\n')}\n`;
}
