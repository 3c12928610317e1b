/**
 * The scorecard's stylesheet, for the screen and for paper. No page size is set, so it prints on
 * whatever the printer holds; the layout fits the narrower page (A4, 210 mm) and the shorter one
 * (Letter, 279 mm). The page header (candidate and date) is added by the page with the names in it.
 */
export const SCORECARD_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b60; --rule: #d4d4d8; --hire: #17663a; --no-hire: #a1261d; --none: #5b5b60; }
* { box-sizing: border-box; }
body { font: 15px/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", system-ui, sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.5rem; margin: 0 0 .4rem; }
h2 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 1.6rem 0 .5rem; }
h3 { font-size: 1.1rem; margin: 0 0 .15rem; }
h4 { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: .7rem 0 .2rem; }
p { margin: .25rem 0; }
ul { margin: .1rem 0; padding-left: 1.1rem; }
li { margin: .05rem 0; }
.muted, .none, .meta, .kind, .id { color: var(--muted); }
.none { font-style: italic; margin: 0; }
.label { font-weight: 600; }
.kind { font-size: .8em; }
.id, .meta { font-size: .85em; }
.sep { color: var(--rule); }
dl.overview { display: flex; flex-wrap: wrap; gap: .15rem 1.4rem; margin: 0; font-size: .9em; }
dl.overview div { display: flex; gap: .4rem; }
dl.overview dt { color: var(--muted); }
dl.overview dd { margin: 0; }
.verdict { margin: 1rem 0 0; padding: .7rem 1rem .8rem; border: 2px solid var(--none); border-left-width: 10px; border-radius: 4px; }
.verdict h2 { margin: 0; font-size: .8rem; }
.verdict .call { font-size: 2rem; line-height: 1.15; font-weight: 700; text-transform: capitalize; margin: .1rem 0 .3rem; }
.tone-hire { border-color: var(--hire); } .tone-hire .call { color: var(--hire); }
.tone-no-hire { border-color: var(--no-hire); } .tone-no-hire .call { color: var(--no-hire); }
.tone-none .call { color: var(--none); }
.verdict .reason { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
col.question { width: 34%; } col.follow-ups { width: 26%; } col.time { width: 13%; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; }
td.num, th.num { text-align: right; width: 2.5em; }
article.question { border-top: 2px solid var(--ink); padding-top: .5rem; margin-top: 1.1rem; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; }
.missed li.mandatory { font-weight: 600; }
.inline { font-size: .9em; margin: .2rem 0; }
ul.flags li { color: var(--no-hire); }
.follow-ups > ul { list-style: none; padding: 0; }
.follow-ups > ul > li { border-left: 3px solid var(--rule); padding-left: .6rem; margin: .35rem 0; }
blockquote { margin: .25rem 0; padding: .3rem .7rem; border-left: 3px solid var(--rule); background: #f6f6f7; white-space: pre-wrap; overflow-wrap: anywhere; }
#rule p { font-size: .85em; color: var(--muted); }
@page { margin: 17mm 15mm 15mm; }
@page {
  @top-left { font: 8pt "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: #5b5b60; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { font: 8pt "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: #5b5b60; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt "Helvetica Neue", Helvetica, Arial, "Liberation Sans", sans-serif; color: #5b5b60; vertical-align: top; padding-top: 3mm; }
}
@media print {
  body { font-size: 9pt; line-height: 1.3; margin: 0; max-width: none; padding: 0; color: #000; }
  h1 { font-size: 14pt; margin-bottom: .2rem; }
  h2 { font-size: 8pt; margin: .9em 0 .3em; }
  #questions > h2 { display: none; }
  h3 { font-size: 10.5pt; }
  h4 { font-size: 7.5pt; margin: .5rem 0 .1rem; }
  .verdict { margin-top: .6rem; padding: .4rem .8rem .5rem; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .verdict .call { font-size: 18pt; margin: 0 0 .15rem; }
  th, td { padding: .2rem .4rem; }
  article.question { margin-top: .8rem; padding-top: .35rem; }
  blockquote { background: none; padding: .1rem .6rem; }
  #rule h2 { margin-top: .8rem; }
  #rule p { font-size: 7.5pt; margin: .1rem 0; }
  h2, h3, h4 { break-after: avoid; }
  /* A question prints in parts that are never split: its head (title, result, rating, concepts,
     red flags) and each follow-up; only its notes may run on to the next page. A page ends
     between parts, so no page is left half empty waiting for a whole question. */
  tr, .verdict, .head, .follow-ups > ul > li { break-inside: avoid; }
  blockquote { orphans: 3; widows: 3; }
}
`;
