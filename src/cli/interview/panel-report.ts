import { wrapText } from '../wrap-text.js';
import { bandLabel } from '../../core/interview/asks.js';
import type { Panel, PanelCell } from '../../core/interview/merge.js';
import { recommendationLabel } from '../../core/interview/recommendation.js';
import type { Style } from '../style.js';
import { mdEscape } from './scorecard-markdown.js';

function cell(c: PanelCell): string {
  if (c.status === 'absent') return 'not in this scorecard';
  if (c.status === 'passed') return 'passed';
  if (c.status === 'not_asked') return 'not asked';
  return `${bandLabel(c.band ?? 'insufficient')}${c.score === null ? '' : ` (${c.score}/100)`}`;
}

const marker = (spread: number) => `DISAGREE: ${spread} band${spread === 1 ? '' : 's'} apart`;

/** The panel for a terminal: one block per question, one line per interviewer; fits 80 columns. */
export function panelText(panel: Panel, style: Style, width: number): string {
  const nameWidth = Math.min(20, Math.max(...panel.interviewers.map((i) => i.name.length)));
  const name = (text: string) => (text.length > nameWidth ? `${text.slice(0, nameWidth - 1)}…` : text.padEnd(nameWidth));
  const wrap = (text: string, indent = 0) => wrapText(text, width - indent).split('\n').map((l) => `${' '.repeat(indent)}${l}`);
  const lines = [...wrap(style.bold(`Panel for ${panel.candidate}: ${panel.interviewers.length} interviewers`))];
  const flagged = panel.questions.filter((q) => q.disagree).length;
  lines.push(...wrap(`${flagged} of ${panel.questions.length} questions with a disagreement of one band or more (marked "!")`));
  for (const q of panel.questions) {
    lines.push('');
    const head = q.disagree ? `${style.yellow.bold('!')} ${style.bold(q.id)}  ${style.yellow(marker(q.spread))}` : `  ${style.bold(q.id)}`;
    lines.push(...wrapText(head, width, { trim: false }).split('\n'));
    lines.push(...wrap(q.title, 4).map((l) => style.dim(l)));
    for (const c of q.cells) lines.push(`    ${name(c.interviewer)}  ${cell(c)}`);
  }
  lines.push('', style.bold(`Recommendations${panel.recommendationsDiffer ? ` ${style.yellow('(! the interviewers differ)')}` : ''}`));
  for (const i of panel.interviewers) lines.push(`    ${name(i.name)}  ${recommendationLabel(i.recommendation)}${i.complete ? '' : ' (session not finished)'}`);
  return `${lines.join('\n')}\n`;
}

/** The panel as a Markdown table, interviewers side by side; disagreements marked in words. */
export function panelMarkdown(panel: Panel): string {
  const names = panel.interviewers.map((i) => mdEscape(i.name));
  const out = [`# Panel: ${mdEscape(panel.candidate)}`, '', `| question | ${names.join(' | ')} | agreement |`, `|---|${names.map(() => '---').join('|')}|---|`];
  for (const q of panel.questions) {
    const agreement = q.disagree ? `**${marker(q.spread)}**` : 'agree';
    out.push(`| ${mdEscape(q.title)} (\`${q.id}\`) | ${q.cells.map((c) => mdEscape(cell(c))).join(' | ')} | ${agreement} |`);
  }
  const recs = panel.interviewers.map((i) => recommendationLabel(i.recommendation));
  out.push(`| **recommendation** | ${recs.join(' | ')} | ${panel.recommendationsDiffer ? '**DISAGREE**' : 'agree'} |`);
  return `${out.join('\n')}\n`;
}
