import asciichart from 'asciichart';
import { plainTable, tableText } from '../reporters/plain-table.js';
import type { GroupStats, PracticeStats } from '../../core/practice/stats.js';
import type { Style } from '../style.js';


function groupTable(title: string, groups: readonly GroupStats[], style: Style): string[] {
  const table = plainTable([title, 'ATTEMPTS', 'AVERAGE'].map((h) => style.bold(h)));
  for (const group of groups) table.push([group.key, String(group.attempts), String(Math.round(group.average))]);
  return tableText(table).split('\n');
}

/** `qbank stats` as text for the terminal. */
export function renderStats(stats: PracticeStats, options: { style: Style; width: number }): string {
  const { style, width } = options;
  if (stats.attempts === 0) return 'No practice yet. Start with "qbank practice".\n';
  const out: string[] = [
    style.bold(`${stats.attempts} attempts on ${stats.questionsPractised} questions, average score ${Math.round(stats.averageScore)}`),
    '',
    ...groupTable('TOPIC', stats.byTopic, style),
    '',
    ...groupTable('LEVEL', stats.byLevel, style),
  ];
  if (stats.trend.length >= 2) {
    // The chart's labels take about 10 columns; one column per day, at most the terminal's width.
    const series = stats.trend.map((t) => t.average).slice(-(width - 12));
    out.push('', style.bold(`Average score per day (${stats.trend[0]?.date} to ${stats.trend.at(-1)?.date})`));
    out.push(asciichart.plot(series, { height: 8, min: 0, max: 100, format: (x: number) => String(Math.round(x)).padStart(4) }));
  }
  if (stats.missedConcepts.length > 0) {
    out.push('', style.bold('Mandatory concepts most often missed'));
    for (const missed of stats.missedConcepts) {
      const line = `  ${missed.missed}/${missed.attempts}  ${missed.concept} (${missed.questionId})`;
      out.push(line.length > width ? `${line.slice(0, width - 1)}…` : line);
    }
  }
  out.push('', stats.due.now > 0 ? style.yellow(`${stats.due.now} question${stats.due.now === 1 ? '' : 's'} due for review: qbank practice --due`) : `Nothing due for review${stats.due.next ? `; next on ${stats.due.next.slice(0, 10)}` : ''}.`);
  return `${out.join('\n')}\n`;
}
