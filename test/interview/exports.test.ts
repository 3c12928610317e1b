import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { replay, type SessionRecord } from '../../src/core/interview/records.js';
import { buildScorecard, ScorecardSchema, type Scorecard } from '../../src/core/interview/scorecard.js';
import { scorecardHtml } from '../../src/cli/interview/scorecard-html.js';
import { scorecardMarkdown } from '../../src/cli/interview/scorecard-markdown.js';
import type { Ask, Input } from '../../src/core/session/interaction.js';
import { defaults, drive, machine, meta } from './helpers.js';
import { attr, elements, textOf } from './html.js';

const HOSTILE = 'Said <script>alert("x")</script> & <img src=x onerror=alert(1)> | **bold**';

async function card(): Promise<Scorecard> {
  const answer = (ask: Ask): Input => {
    if (ask.id === 'q0:notes') return { kind: 'text', text: HOSTILE };
    if (ask.id === 'q1:notes') return { kind: 'skip' };
    if (ask.id === 'q0:rating') return { kind: 'choice', value: 'good' };
    if (ask.id === 'q0:reason') return { kind: 'text', text: 'Reason with <em>markup</em>' };
    return defaults(ask);
  };
  const run = drive(await machine(), answer);
  const log: SessionRecord[] = [{ v: 1, type: 'start', at: meta().startedAt, session: meta({ candidate: 'Ana <Lima>' }) }, ...run.effects.map((e) => e.record)];
  return buildScorecard(replay(log)!);
}

describe('scorecard exports', () => {
  it('builds a JSON scorecard that its own schema accepts', async () => {
    const scorecard = await card();
    expect(ScorecardSchema.safeParse(JSON.parse(JSON.stringify(scorecard))).success).toBe(true);
    expect(scorecard).toMatchObject({ candidate: 'Ana <Lima>', complete: true, pending: [], recommendation: { counted: 2, answered: 1, passed: 1 } });
    expect(scorecard.questions.map((q) => q.status)).toEqual(['answered', 'passed']);
  });

  it('writes one self-contained HTML page with every section and every untrusted text escaped', async () => {
    const html = scorecardHtml(await card());
    const document = parse(html);
    const all = elements(document);
    const ids = all.map((el) => attr(el, 'id')).filter(Boolean);
    expect(ids).toEqual(['overview', 'recommendation', 'summary', 'questions', 'question-1', 'question-2', 'rule']);
    expect(all.filter((el) => el.tagName === 'script' || el.tagName === 'link' || el.tagName === 'img' || el.tagName === 'em')).toEqual([]);
    expect(all.some((el) => attr(el, 'src') !== undefined || attr(el, 'href') !== undefined || attr(el, 'onerror') !== undefined)).toBe(false);
    const style = all.find((el) => el.tagName === 'style');
    expect(textOf(style!)).toContain('@media print');
    const title = all.find((el) => el.tagName === 'h1');
    expect(textOf(title!)).toBe('Interview scorecard: Ana <Lima>');
    const question1 = all.find((el) => attr(el, 'id') === 'question-1')!;
    const text = textOf(question1);
    expect(text).toContain(HOSTILE);
    expect(text).toContain('Reason with <em>markup</em>');
    for (const heading of ['Concepts covered', 'Concepts missed', 'Keywords heard', 'Keywords missed', 'Red flags', 'Notes']) expect(text).toContain(heading);
    expect(textOf(all.find((el) => attr(el, 'id') === 'question-2')!)).toContain('passed (not answered)');
    expect(elements(all.find((el) => attr(el, 'id') === 'summary')!).filter((el) => el.tagName === 'tr')).toHaveLength(3);
  });

  it('writes Markdown with each section, untrusted text escaped', async () => {
    const md = scorecardMarkdown(await card());
    for (const heading of ['# Interview scorecard: Ana \\<Lima\\>', '## Recommendation', '## Summary', '## Questions', '### 1. ', '### 2. ', '#### Notes', '## How the recommendation is derived']) {
      expect(md).toContain(heading);
    }
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('- **Rating**: good (overridden; computed');
    expect(md).toMatch(/\| 2 \| .* \| passed \(not answered\) \| — \|/);
  });
});
