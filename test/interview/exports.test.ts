import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { replay, type SessionRecord } from '../../src/core/interview/records.js';
import { buildScorecard, ScorecardSchema, type Scorecard } from '../../src/core/interview/scorecard.js';
import { scorecardHtml } from '../../src/cli/interview/scorecard-html.js';
import { scorecardMarkdown } from '../../src/cli/interview/scorecard-markdown.js';
import { scorecardView } from '../../src/cli/interview/scorecard-view.js';
import type { Ask, Input } from '../../src/core/session/interaction.js';
import { defaults, drive, machine, meta } from './helpers.js';
import type { DefaultTreeAdapterMap } from 'parse5';
import { attr, elements, textOf } from './html.js';

type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = 'Said <script>alert("x")</script> & <img src=x onerror=alert(1)> | **bold**';
const CANDIDATE = 'Ana <script>alert(1)</script> & "Lima"';
const INTERVIEWER = "Bo & <b>Co</b> 'x'";
const RATING_REASON = 'Reason with <em>markup</em> & an ampersand';
const PROBE_NOTES = 'Probe notes </blockquote><script>alert(2)</script> & more';
const DECISION_REASON = 'Overall <script>alert(3)</script> & "not yet"';

async function card(): Promise<Scorecard> {
  const answer = (ask: Ask): Input => {
    if (ask.id === 'q0:notes') return { kind: 'text', text: HOSTILE };
    if (ask.id === 'q0:follow-up-notes') return { kind: 'text', text: PROBE_NOTES };
    if (ask.id === 'q1:notes') return { kind: 'skip' };
    if (ask.id === 'q0:rating') return { kind: 'choice', value: 'good' };
    if (ask.id === 'q0:reason') return { kind: 'text', text: RATING_REASON };
    if (ask.id === 'decision') return { kind: 'choice', value: 'strong_no_hire' };
    if (ask.id === 'decision-reason') return { kind: 'text', text: DECISION_REASON };
    return defaults(ask);
  };
  const run = drive(await machine(), answer);
  const log: SessionRecord[] = [{ v: 1, type: 'start', at: meta().startedAt, session: meta({ candidate: CANDIDATE, interviewer: INTERVIEWER }) }, ...run.effects.map((e) => e.record)];
  return buildScorecard(replay(log)!);
}

const children = (el: Element) => el.childNodes.filter((n): n is Element => 'tagName' in n);
const byClass = (el: Element, name: string) => elements(el).filter((x) => (attr(x, 'class') ?? '').split(' ').includes(name));
/** Undoes the hex escapes of `cssString`. */
const cssUnescape = (text: string) => text.replace(/\\([0-9a-f]{1,6}) ?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

describe('scorecard exports', () => {
  it('builds a JSON scorecard that its own schema accepts', async () => {
    const scorecard = await card();
    expect(ScorecardSchema.safeParse(JSON.parse(JSON.stringify(scorecard))).success).toBe(true);
    expect(scorecard).toMatchObject({ candidate: CANDIDATE, complete: true, pending: [], recommendation: { counted: 2, answered: 1, passed: 1, overridden: true, reason: DECISION_REASON } });
    expect(scorecard.questions.map((q) => q.status)).toEqual(['answered', 'passed']);
  });

  it('writes one self-contained HTML page: the verdict first, then the summary, then one section per question', async () => {
    const scorecard = await card();
    const document = parse(scorecardHtml(scorecard, { timeZone: 'Asia/Tokyo' }));
    const all = elements(document);
    const body = all.find((el) => el.tagName === 'body')!;
    expect(children(body).map((el) => `${el.tagName}#${attr(el, 'id')}`)).toEqual(['header#overview', 'section#recommendation', 'section#summary', 'section#questions', 'section#rule']);
    expect(all.map((el) => attr(el, 'id')).filter(Boolean)).toEqual(['overview', 'recommendation', 'summary', 'questions', 'question-1', 'question-2', 'rule']);

    // The verdict: the final call, prominent, with the override and its reason.
    const verdict = children(body)[1]!;
    expect(attr(verdict, 'class')).toBe('verdict tone-no-hire');
    expect(byClass(verdict, 'call').map(textOf)).toEqual(['strong no hire']);
    expect(textOf(byClass(verdict, 'how')[0]!)).toMatch(/^Overridden by Bo & <b>Co<\/b> 'x'; the rule gives (no hire|strong no hire|hire|strong hire|no decision)\.$/);
    expect(textOf(byClass(verdict, 'reason')[0]!)).toBe(`Reason: ${DECISION_REASON}`);
    expect(textOf(byClass(verdict, 'basis')[0]!)).toMatch(/^Average \d\.\d\d points over 2 questions \(1 answered, 1 passed\)\.$/);

    // The summary: one row per question, durations in minutes.
    const rows = elements(children(body)[2]!).filter((el) => el.tagName === 'tr');
    expect(rows).toHaveLength(1 + scorecard.questions.length);
    expect(rows.slice(1).map((row) => textOf(children(row)[6]!))).toEqual([expect.stringMatching(/^\d+ min \(6-8 planned(, over)?\)$|^<1 min \(6-8 planned\)$/), expect.stringMatching(/ min \(5-7 planned\)$/)]);

    // One article per question; inside, the result and rating, heard and missed side by side,
    // red flags, follow-ups, and the notes last.
    const articles = all.filter((el) => el.tagName === 'article');
    expect(articles.map((a) => attr(a, 'id'))).toEqual(['question-1', 'question-2']);
    const [first, second] = articles as [Element, Element];
    expect(children(first).map((el) => attr(el, 'class'))).toEqual(['head', 'follow-ups', 'notes']);
    expect(byClass(first, 'columns').flatMap(children).map((el) => attr(el, 'class'))).toEqual(['heard', 'missed']);
    const headings = elements(first).filter((el) => el.tagName === 'h4').map(textOf);
    expect(headings).toEqual(['Concepts heard', 'Concepts missed', 'Red flags', 'Follow-ups', 'Notes']);
    expect(textOf(byClass(first, 'facts')[0]!)).toMatch(/^Result: \d+\/100, \w+.* · Rating: good \(overridden; computed [a-z ]+\) · Points: good at level: 2$/);
    expect(textOf(byClass(first, 'reason')[0]!)).toBe(`Reason for the rating: ${RATING_REASON}`);
    expect(textOf(elements(byClass(first, 'notes')[0]!).find((el) => el.tagName === 'blockquote')!)).toBe(HOSTILE);
    expect(elements(byClass(first, 'follow-ups')[0]!).filter((el) => el.tagName === 'blockquote').map(textOf)).toEqual([PROBE_NOTES]);
    expect(textOf(second)).toContain('passed (not answered)');
    expect(byClass(second, 'notes')).toEqual([]);

    // Every text from the session is text, never markup: no element the session could have
    // smuggled in, and each hostile string read back whole.
    expect(all.filter((el) => ['script', 'link', 'img', 'em', 'b', 'iframe'].includes(el.tagName))).toEqual([]);
    expect(all.filter((el) => el.tagName === 'style')).toHaveLength(1);
    expect(all.filter((el) => el.tagName === 'blockquote')).toHaveLength(2);
    expect(all.some((el) => el.attrs.some((a) => a.name === 'src' || a.name === 'href' || a.name.startsWith('on')))).toBe(false);
    expect(textOf(all.find((el) => el.tagName === 'title')!)).toBe(`Interview scorecard: ${CANDIDATE}`);
    expect(textOf(all.find((el) => el.tagName === 'h1')!)).toBe(`Interview scorecard: ${CANDIDATE}`);
    const facts = Object.fromEntries(elements(all.find((el) => el.tagName === 'dl')!).filter((el) => el.tagName === 'div').map((div) => children(div).map(textOf)));
    expect(facts).toMatchObject({ Interviewer: INTERVIEWER, Date: 'Mon 2 Mar 2026', Time: expect.stringMatching(/^19:00–19:\d\d Asia\/Tokyo \(UTC\+09:00\)$/), Duration: expect.stringMatching(/^\d+ min$/) });

    // The print stylesheet, and the page header with the candidate and the date, whose name
    // reaches the CSS only as escaped characters.
    const css = textOf(all.find((el) => el.tagName === 'style')!);
    expect(css).toContain('@media print');
    expect(css).not.toMatch(/[<&]/);
    const header = /@top-left \{ content: "([^"]*)"; \}/.exec(css);
    expect(cssUnescape(header![1]!)).toBe(`Interview scorecard: ${CANDIDATE}`);
    expect(cssUnescape(/@top-right \{ content: "([^"]*)"; \}/.exec(css)![1]!)).toBe('Mon 2 Mar 2026');
  });

  it('shows the times in the zone asked for, named, and durations in minutes', async () => {
    const scorecard = await card();
    const facts = (zone: string) => Object.fromEntries(scorecardView(scorecard, { timeZone: zone }).facts);
    expect(facts('UTC')).toMatchObject({ Date: 'Mon 2 Mar 2026', Time: expect.stringMatching(/^10:00–10:\d\d UTC$/), Duration: expect.stringMatching(/^\d+ min$/) });
    expect(facts('America/New_York').Time).toMatch(/^05:00–05:\d\d America\/New_York \(UTC−05:00\)$/);
    expect(facts('Asia/Kolkata').Time).toMatch(/^15:30–15:\d\d Asia\/Kolkata \(UTC\+05:30\)$/);
    expect(facts('Pacific/Kiritimati')).toMatchObject({ Date: 'Tue 3 Mar 2026', Time: expect.stringMatching(/^00:00–00:\d\d Pacific\/Kiritimati \(UTC\+14:00\)$/) });
    expect(scorecardMarkdown(scorecard, { timeZone: 'Asia/Tokyo' })).toMatch(/\| Time \| 19:00–19:\d\d Asia\/Tokyo \(UTC\+09:00\) \|/);
  });

  it('writes Markdown with each section, untrusted text escaped', async () => {
    const md = scorecardMarkdown(await card());
    for (const heading of ['# Interview scorecard: Ana \\<script\\>alert(1)\\</script\\> & "Lima"', '## Recommendation', '## Summary', '## Questions', '### 1. ', '### 2. ', '#### Notes', '## How the recommendation is derived']) {
      expect(md).toContain(heading);
    }
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('- **Rating**: good (overridden; computed');
    expect(md).toMatch(/^- \*\*Concepts heard\*\*: /m);
    expect(md).toContain(`Reason: Overall \\<script\\>alert(3)\\</script\\> & "not yet"`);
    expect(md).toMatch(/\| 2 \| .* \| passed \(not answered\) \| — \|/);
  });
});
