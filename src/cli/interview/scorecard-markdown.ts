import { ruleText, type Scorecard } from '../../core/interview/scorecard.js';
import { scorecardView, type ConceptView, type ProbeView, type QuestionView, type ScorecardOptions } from './scorecard-view.js';

/** Escapes text from question files and notes so it reads as plain text in Markdown. */
export function mdEscape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.map(mdEscape).join('; '));
const concepts = (items: readonly ConceptView[]) => list(items.map((c) => `${c.name} (${c.kind})`));

function quote(text: string): string[] {
  if (text.trim() === '') return ['_No notes._'];
  const lines = text.trim().split(/\r?\n/);
  // Two trailing spaces keep the transcript's line breaks.
  return lines.map((line, i) => (line.trim() === '' ? '>' : `> ${mdEscape(line)}${i < lines.length - 1 && lines[i + 1]?.trim() !== '' ? '  ' : ''}`));
}

function probe(view: ProbeView): string[] {
  return [
    `- **${mdEscape(view.title)}**: ${mdEscape(view.result)}`,
    `  - covered: ${list(view.covered)}`,
    ...(view.missed.length > 0 ? [`  - missed: ${list(view.missed)}`] : []),
    `  - red flags: ${list(view.redFlags)}`,
    ...(view.notes.trim() === '' ? [] : quote(view.notes).map((line) => `  ${line}`)),
  ];
}

function question(view: QuestionView): string[] {
  const lines = [`### ${view.number}. ${mdEscape(view.title)}`, '', `\`${view.id}\`${view.meta ? ` · ${mdEscape(view.meta)}` : ''}`, ''];
  lines.push(`- **Result**: ${mdEscape(view.result)}${view.scorer ? ` (scorer on the notes: ${view.scorer})` : ''}`);
  if (view.status === 'answered') {
    lines.push(`- **Rating**: ${mdEscape(view.rating)}${view.reason ? `. Reason: ${mdEscape(view.reason)}` : ''}`);
    lines.push(`- **Concepts heard**: ${concepts(view.covered)}`, `- **Concepts missed**: ${concepts(view.missed)}`);
    lines.push(`- **Keywords heard**: ${list(view.keywordsHit)}`, `- **Keywords missed**: ${list(view.keywordsMissed)}`);
    lines.push(`- **Red flags**: ${list(view.redFlags)}`);
  }
  if (view.points) lines.push(`- **Points**: ${mdEscape(view.points.why)}`);
  lines.push(`- **Time**: ${view.time}`, '');
  if (view.probesAsked.length > 0) lines.push('#### Probes asked during the answer', '', ...view.probesAsked.map((p) => `- ${mdEscape(p)}`), '');
  if (view.followUps.length > 0) lines.push('#### Follow-ups', '', ...view.followUps.flatMap(probe), '');
  if (view.status === 'answered') lines.push('#### Notes', '', ...quote(view.notes), '');
  return lines;
}

/** The scorecard as a Markdown document, times in `options.timeZone`. */
export function scorecardMarkdown(card: Scorecard, options: ScorecardOptions = { timeZone: 'UTC' }): string {
  const view = scorecardView(card, options);
  const { verdict } = view;
  const out = [`# Interview scorecard: ${mdEscape(card.candidate)}`, '', '| | |', '|---|---|'];
  for (const [label, value] of view.facts) out.push(`| ${label} | ${mdEscape(value)} |`);
  out.push('', '## Recommendation', '', `**${verdict.call}**`, '', mdEscape(verdict.how), '');
  if (verdict.reason !== null) out.push(`Reason: ${mdEscape(verdict.reason)}`, '');
  out.push(mdEscape(verdict.basis), '');
  out.push('## Summary', '', '| # | question | result | rating | follow-ups | points | time |', '|---|---|---|---|---|---|---|');
  for (const v of view.questions) {
    const followUps = v.followUps.map((f) => `${f.name}: ${f.result}`).join('; ') || '—';
    out.push(`| ${v.number} | ${mdEscape(v.title)} (\`${v.id}\`) | ${mdEscape(v.result)} | ${mdEscape(v.rating)} | ${mdEscape(followUps)} | ${v.points?.points ?? '—'} | ${v.time} |`);
  }
  if (view.pending.length > 0) out.push('', `Still to ask: ${view.pending.map((id) => `\`${id}\``).join(', ')}`);
  out.push('', '## Questions', '');
  for (const v of view.questions) out.push(...question(v));
  out.push('## How the recommendation is derived', '', ...ruleText().map((line) => `- ${line}`), '');
  for (const q of card.recommendation.points) out.push(`- \`${q.id}\`: ${mdEscape(q.why)}`);
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
