import { ruleText, type Scorecard } from '../../core/interview/scorecard.js';
import { scorecardView, type ConceptView, type ProbeView, type QuestionView, type ScorecardOptions, type VerdictView } from './scorecard-view.js';
import { SCORECARD_CSS } from './scorecard-css.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** A CSS string literal that holds any text: everything but letters, digits and spaces as a hex escape. */
export function cssString(text: string): string {
  const escaped = [...text.replace(/[\r\n\t]+/g, ' ')].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}

const e = escapeHtml;

const list = (values: readonly string[], cls = '') =>
  values.length === 0 ? '<p class="none">none</p>' : `<ul${cls ? ` class="${cls}"` : ''}>${values.map((v) => `<li>${e(v)}</li>`).join('')}</ul>`;
const concepts = (values: readonly ConceptView[]) =>
  values.length === 0 ? '<p class="none">none</p>' : `<ul>${values.map((c) => `<li class="${c.kind}">${e(c.name)}${c.kind === 'bonus' ? ' <span class="kind">bonus</span>' : ''}</li>`).join('')}</ul>`;
const inline = (label: string, values: readonly string[]) => (values.length === 0 ? '' : `<p class="inline"><span class="label">${label}:</span> ${values.map(e).join('; ')}</p>`);
const quote = (text: string) => `<blockquote>${e(text.trim())}</blockquote>`;

function verdict(view: VerdictView): string {
  return `<section id="recommendation" class="verdict tone-${view.tone}">
<h2>Recommendation</h2>
<p class="call">${e(view.call)}</p>
<p class="how">${e(view.how)}</p>
${view.reason === null ? '' : `<p class="reason"><span class="label">Reason:</span> ${e(view.reason)}</p>\n`}<p class="basis">${e(view.basis)}</p>
</section>`;
}

function summaryRow(v: QuestionView): string {
  const followUps = v.followUps.length === 0 ? '—' : v.followUps.map((f) => `<div>${e(f.name)}: ${e(f.result)}</div>`).join('');
  return `<tr><td class="num">${v.number}</td><td>${e(v.title)}<div class="id">${e(v.id)}</div></td><td>${e(v.result)}</td><td>${e(v.rating)}</td><td>${followUps}</td><td class="num">${v.points?.points ?? '—'}</td><td>${e(v.time)}</td></tr>`;
}

function probe(view: ProbeView): string {
  return `<li><p class="probe-title"><strong>${e(view.title)}</strong>: ${e(view.result)}</p>
${inline('Heard', view.covered)}${inline('Missed', view.missed)}${inline('Red flags', view.redFlags)}${view.notes.trim() === '' ? '' : quote(view.notes)}</li>`;
}

function question(view: QuestionView): string {
  const facts = [`<span class="label">Result:</span> <strong>${e(view.result)}</strong>${view.scorer ? ` <span class="muted">(scorer on the notes: ${e(view.scorer)})</span>` : ''}`];
  if (view.status === 'answered') facts.push(`<span class="label">Rating:</span> <strong>${e(view.rating)}</strong>`);
  if (view.points) facts.push(`<span class="label">Points:</span> ${e(view.points.why)}`);
  // The head (title to red flags) prints in one piece, so does each follow-up; the notes may run on.
  const head = [
    `<h3>${view.number}. ${e(view.title)}</h3>`,
    `<p class="meta">${[view.id, view.meta, view.time].filter(Boolean).map(e).join(' · ')}</p>`,
    `<p class="facts">${facts.join(' <span class="sep">·</span> ')}</p>`,
  ];
  if (view.status === 'answered') {
    if (view.reason) head.push(`<p class="reason"><span class="label">Reason for the rating:</span> ${e(view.reason)}</p>`);
    head.push(`<div class="columns">
<div class="heard"><h4>Concepts heard</h4>${concepts(view.covered)}${inline('Keywords heard', view.keywordsHit)}</div>
<div class="missed"><h4>Concepts missed</h4>${concepts(view.missed)}${inline('Keywords missed', view.keywordsMissed)}</div>
</div>`);
    head.push(`<h4>Red flags</h4>${list(view.redFlags, 'flags')}`);
  }
  const parts = [`<article class="question" id="question-${view.number}">`, `<div class="head">\n${head.join('\n')}\n</div>`];
  if (view.probesAsked.length > 0) parts.push(`<div class="probes-asked"><h4>Probes asked during the answer</h4>${list(view.probesAsked, 'probes')}</div>`);
  if (view.followUps.length > 0) parts.push(`<div class="follow-ups"><h4>Follow-ups</h4><ul>${view.followUps.map(probe).join('\n')}</ul></div>`);
  if (view.status === 'answered') parts.push(`<div class="notes"><h4>Notes</h4>${view.notes.trim() === '' ? '<p class="none">No notes.</p>' : quote(view.notes)}</div>`);
  parts.push('</article>');
  return parts.join('\n');
}

/**
 * The scorecard as one self-contained HTML page, times in `options.timeZone`: the verdict first,
 * then the summary table, then one section per question. Inline CSS with a print stylesheet, no
 * scripts, no links; every text from the session is escaped.
 */
export function scorecardHtml(card: Scorecard, options: ScorecardOptions = { timeZone: 'UTC' }): string {
  const view = scorecardView(card, options);
  const facts = view.facts.filter(([label]) => label !== 'Candidate').map(([label, value]) => `<div><dt>${e(label)}</dt><dd>${e(value)}</dd></div>`).join('');
  const pending = view.pending.length > 0 ? `<p class="muted">Still to ask: ${view.pending.map(e).join(', ')}</p>` : '';
  // The page header and footer of every printed page; the candidate's name is untrusted, so it
  // reaches the stylesheet only as escaped CSS strings.
  const pageBoxes = `@page { @top-left { content: ${cssString(`Interview scorecard: ${view.candidate}`)}; } @top-right { content: ${cssString(view.date)}; } }`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview scorecard: ${e(card.candidate)}</title>
<style>${SCORECARD_CSS}${pageBoxes}
</style>
</head>
<body>
<header id="overview">
<h1>Interview scorecard: ${e(card.candidate)}</h1>
<dl class="overview">${facts}</dl>
</header>
${verdict(view.verdict)}
<section id="summary">
<h2>Summary</h2>
<table>
<colgroup><col><col class="question"><col><col><col class="follow-ups"><col><col class="time"></colgroup>
<thead><tr><th class="num">#</th><th>Question</th><th>Result</th><th>Rating</th><th>Follow-ups</th><th class="num">Points</th><th>Time</th></tr></thead>
<tbody>
${view.questions.map(summaryRow).join('\n')}
</tbody>
</table>
${pending}
</section>
<section id="questions">
<h2>Questions</h2>
${view.questions.map(question).join('\n')}
</section>
<section id="rule">
<h2>How the recommendation is derived</h2>
${ruleText().map((line) => `<p>${e(line)}</p>`).join('\n')}
</section>
</body>
</html>
`;
}
