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
    const days = stats.trend.slice(-(width - 12));
    out.push('', style.bold(`Average score per day (${days[0]?.date} to ${days.at(-1)?.date})`));
    const chart = asciichart.plot(days.map((t) => t.average), { height: 8, min: 0, max: 100, format: (x: number) => String(Math.round(x)).padStart(4) });
    out.push(chart, ...dateAxis(chart, days.map((t) => t.date)));
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

/**
 * The chart's x axis: a tick under the first, middle and last day, and their dates under the
 * ticks (the first starting at its tick, the last ending at its own, the middle one when there
 * is room between them).
 */
export function dateAxis(chart: string, dates: readonly string[]): string[] {
  const firstLine = chart.split('\n')[0] ?? '';
  const axis = Math.max(firstLine.indexOf('┼'), firstLine.indexOf('┤'));
  if (axis < 0 || dates.length === 0) return [];
  const start = axis + 1;
  const last = dates.length - 1;
  const ticks = new Set([0, last]);
  const labels = new Map<number, string>([[start, dates[0] ?? '']]);
  const lastLabel = dates[last] ?? '';
  const lastAt = start + last - lastLabel.length + 1;
  if (last > 0 && lastAt > start + (dates[0] ?? '').length) labels.set(lastAt, lastLabel);
  else if (last > 0) labels.set(start + (dates[0] ?? '').length, ` … ${lastLabel}`);
  const middle = Math.floor(last / 2);
  const middleAt = start + middle - 5;
  if (last >= 34 && middleAt > start + 11 && middleAt + 10 < lastAt - 1) {
    ticks.add(middle);
    labels.set(middleAt, dates[middle] ?? '');
  }
  const tickLine = `${' '.repeat(axis)}└${dates.map((_, i) => (ticks.has(i) ? '┬' : '─')).join('')}`;
  let labelLine = '';
  for (const [at, label] of [...labels].sort((a, b) => a[0] - b[0])) labelLine = `${labelLine.padEnd(at)}${label}`;
  return [tickLine, labelLine];
}
