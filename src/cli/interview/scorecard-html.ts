import { ruleText, type Scorecard } from '../../core/interview/scorecard.js';
import { overview, questionView, recommendationLines, type ProbeView, type QuestionView } from './scorecard-view.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const e = escapeHtml;

const CSS = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; margin-bottom: .2rem; }
h4 { font-size: .95rem; margin: .8rem 0 .2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.recommendation strong { font-size: 1.3rem; text-transform: capitalize; }
.meta, .muted { color: #555; }
blockquote { margin: .3rem 0; padding: .3rem .8rem; border-left: 3px solid #bbb; background: #fafafa; white-space: pre-wrap; }
article.question { border-top: 1px solid #ddd; padding-top: .5rem; margin-top: 1rem; }
.flag { color: #a33; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; color: #000; }
  h2 { break-after: avoid; }
  article.question { break-inside: avoid-page; }
  blockquote { background: none; }
  th { background: none; }
}
`;

const items = (values: readonly string[], cls = '') => (values.length === 0 ? '<p class="muted">none</p>' : `<ul${cls ? ` class="${cls}"` : ''}>${values.map((v) => `<li>${e(v)}</li>`).join('')}</ul>`);
const notes = (text: string) => (text.trim() === '' ? '<p class="muted">No notes.</p>' : `<blockquote>${e(text)}</blockquote>`);

function probe(view: ProbeView): string {
  return `<li><strong>${e(view.title)}</strong>: ${e(view.result)}
<div>Covered:</div>${items(view.covered)}${view.missed.length > 0 ? `<div>Missed:</div>${items(view.missed)}` : ''}
<div>Red flags:</div>${items(view.redFlags, 'flag')}${view.notes.trim() === '' ? '' : notes(view.notes)}</li>`;
}

function question(view: QuestionView): string {
  const parts = [
    `<article class="question" id="question-${view.number}">`,
    `<h3>${view.number}. ${e(view.title)}</h3>`,
    `<p class="meta"><code>${e(view.id)}</code>${view.meta ? ` · ${e(view.meta)}` : ''} · time ${e(view.time)}</p>`,
    `<p>Result: <strong>${e(view.result)}</strong>${view.scorer ? ` <span class="muted">(scorer on the notes: ${e(view.scorer)})</span>` : ''}</p>`,
  ];
  if (view.status === 'answered') {
    parts.push(`<p>Rating: <strong>${e(view.rating)}</strong>${view.reason ? `. Reason: ${e(view.reason)}` : ''}</p>`);
    parts.push(`<h4>Concepts covered</h4>${items(view.covered)}`, `<h4>Concepts missed</h4>${items(view.missed)}`);
    parts.push(`<h4>Keywords heard</h4>${items(view.keywordsHit)}`, `<h4>Keywords missed</h4>${items(view.keywordsMissed)}`);
    parts.push(`<h4>Red flags</h4>${items(view.redFlags, 'flag')}`);
  }
  if (view.followUps.length > 0) parts.push(`<h4>Follow-ups</h4><ul class="follow-ups">${view.followUps.map(probe).join('\n')}</ul>`);
  if (view.status === 'answered') parts.push(`<h4>Notes</h4>${notes(view.notes)}`);
  parts.push('</article>');
  return parts.join('\n');
}

/** The scorecard as one self-contained HTML page: inline CSS with a print stylesheet, no scripts, no links. */
export function scorecardHtml(card: Scorecard): string {
  const views = card.questions.map(questionView);
  const { final, lines } = recommendationLines(card);
  const facts = overview(card).map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('');
  const rows = views
    .map((v) => `<tr><td>${v.number}</td><td>${e(v.title)}<br><code>${e(v.id)}</code></td><td>${e(v.result)}</td><td>${e(v.rating)}</td><td>${e(v.followUps.map((f) => `${f.title.split(' · ')[0] ?? ''}: ${f.result}`).join('; ') || '—')}</td><td>${e(v.time)}</td></tr>`)
    .join('\n');
  const pending = card.pending.length > 0 ? `<p class="muted">Still to ask: ${card.pending.map((id) => `<code>${e(id)}</code>`).join(', ')}</p>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Interview scorecard: ${e(card.candidate)}</title>
<style>${CSS}</style>
</head>
<body>
<header id="overview">
<h1>Interview scorecard: ${e(card.candidate)}</h1>
<dl class="facts">${facts}</dl>
</header>
<section id="recommendation" class="recommendation">
<h2>Recommendation</h2>
<p><strong>${e(final)}</strong></p>
${lines.map((line) => `<p>${e(line)}</p>`).join('\n')}
</section>
<section id="summary">
<h2>Summary</h2>
<table>
<thead><tr><th>#</th><th>Question</th><th>Result</th><th>Rating</th><th>Follow-ups</th><th>Time</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${pending}
</section>
<section id="questions">
<h2>Questions</h2>
${views.map(question).join('\n')}
</section>
<section id="rule">
<h2>How the recommendation is derived</h2>
${ruleText().map((line) => `<p>${e(line)}</p>`).join('\n')}
<ul>${card.recommendation.points.map((q) => `<li><code>${e(q.id)}</code>: ${e(q.why)}</li>`).join('')}</ul>
</section>
</body>
</html>
`;
}
