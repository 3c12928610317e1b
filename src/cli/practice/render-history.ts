import type { Attempt } from '../../core/practice/history.js';
import { longTableText } from '../reporters/long-table.js';
import type { Style } from '../style.js';
import { formatDuration } from './render-practice.js';

/**
 * `qbank history` as a table: when, which question, score, band, follow-up, time taken. On a
 * terminal (`terminal` columns wide) a row that would not fit puts the question id on its own
 * line under the figures; piped, each attempt is one row with the whole id (ids are what users
 * copy, and what grep finds).
 */
export function renderHistory(attempts: readonly Attempt[], style: Style, terminal?: number): string {
  if (attempts.length === 0) return 'No attempts yet. Start with "qbank practice".\n';
  const figures = attempts.map((attempt) => {
    const followUp = attempt.followUps.find((f) => f.stage !== 'bar-raiser');
    return {
      when: attempt.answeredAt.slice(0, 16).replace('T', ' '),
      id: attempt.questionId,
      cells: [String(attempt.score), attempt.band.replace('_', ' '), followUp ? String(followUp.score) : '', formatDuration(attempt.timeTakenMs)],
    };
  });
  const head = ['WHEN (UTC)', 'QUESTION', 'SCORE', 'BAND', 'FOLLOW-UP', 'TIME'];
  const inline = longTableText(head.map((h) => style.bold(h)), figures.map((f) => [f.when, f.id, ...f.cells]));
  if (terminal === undefined || inline.split('\n').every((line) => visibleLength(line) <= terminal)) return `${inline}\n`;
  // The figures as a table (one line a row), each followed by its question's line.
  const [header = '', ...rows] = longTableText(head.filter((h) => h !== 'QUESTION').map((h) => style.bold(h)), figures.map((f) => [f.when, ...f.cells])).split('\n');
  const lines = [header];
  rows.forEach((row, i) => lines.push(row, `  ${fit(figures[i]?.id ?? '', terminal - 2)}`));
  return `${lines.join('\n')}\n`;
}

/** An id cut to a terminal only when the terminal is narrower than the id itself. */
function fit(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(1, width - 1))}…`;
}

function visibleLength(line: string): number {
  // eslint-disable-next-line no-control-regex
  return line.replace(/\u001b\[[0-9;]*m/g, '').length;
}
