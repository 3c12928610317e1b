import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { INTERVIEW_FIXTURES, LITTLES_LAW, OUTPUT_RULE, workspace } from '../interview/helpers.js';
import { readBlindSet } from '../eval/blind-set.js';

let ws: ReturnType<typeof workspace>;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.cleanup());

const jsonLines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('qbank scorecard export-grades', () => {
  beforeAll(async () => {
    const run = await runCli(['interview', '--candidate', 'Ana Lima', '--interviewer', 'Bo', '--plan', ws.plan, '--script', path.join(INTERVIEW_FIXTURES, 'full-script.yaml')], {
      env: { QBANK_HOME: ws.home, QBANK_BANK: ws.bank },
      cwd: ws.root,
    });
    expect(run.code).toBe(0);
  });

  it('writes one calibrate line per answered question: the notes, and the final rating as a grade', async () => {
    const run = await runCli(['scorecard', 'export-grades'], { env: { QBANK_HOME: ws.home } });
    expect(run.code).toBe(0);
    const [first, second, ...rest] = jsonLines(run.stdout);
    expect(rest).toEqual([]);
    // Rated as the ticks gave it (excellent: 3) …
    expect(first).toMatchObject({ question: OUTPUT_RULE, grade: 3, rating: 'excellent', interviewer: 'Bo' });
    expect(first?.answer).toMatch(/^The wait is the output rule\. The backup stays a faithful copy/);
    // … and overridden by the interviewer, insufficient to needs improvement: 1. The notes as typed.
    expect(second).toMatchObject({ question: LITTLES_LAW, grade: 1, rating: 'needs_improvement', answer: 'It depends on the load <script>alert(1)</script>; more workers is better.' });
    expect(first?.session).toMatch(/^\d{8}-\d{6}-ana-lima$/);
    expect(run.stderr).toBe('qbank: 2 graded answers from 1 session (ratings as grades 0-3); fit them with: qbank calibrate FILE --scale 0-3\n');
  });

  it('reads sessions by id or path, writes --out, and a session with nothing rated is a usage error', async () => {
    const id = String(jsonLines((await runCli(['scorecard', 'export-grades'], { env: { QBANK_HOME: ws.home } })).stdout)[0]?.session);
    const file = path.join(ws.home, 'interviews', `${id}.jsonl`);
    const out = path.join(ws.root, 'grades.jsonl');
    const byPath = await runCli(['scorecard', 'export-grades', file, '--out', out], { env: { QBANK_HOME: ws.home } });
    expect(byPath.code).toBe(0);
    expect(byPath.stderr).toContain(`qbank: wrote ${out}\n`);
    const byId = await runCli(['scorecard', 'export-grades', id], { env: { QBANK_HOME: ws.home } });
    expect(readFileSync(out, 'utf8')).toBe(byId.stdout);

    const none = await runCli(['scorecard', 'export-grades'], { env: { QBANK_HOME: path.join(ws.root, 'empty-home') } });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^qbank: No interview sessions in .*interviews; run "qbank interview" first, or name session files\n$/);
    const unknown = await runCli(['scorecard', 'export-grades', 'no-such-session'], { env: { QBANK_HOME: ws.home } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^qbank: No interview session "no-such-session"/);
  });

  it('feeds calibrate, which refuses two questions as too few', async () => {
    const out = path.join(ws.root, 'two.jsonl');
    await runCli(['scorecard', 'export-grades', '--out', out], { env: { QBANK_HOME: ws.home } });
    const run = await runCli(['calibrate', out, '--scale', '0-3', '--bank', ws.bank, '--out', path.join(ws.root, 'two-rubrics')], { cwd: ws.root });
    expect(run.stderr).toBe(`qbank: Calibration needs graded answers to at least 3 questions, and these answer only 2 ("${LITTLES_LAW}", "${OUTPUT_RULE}"): a fit to fewer questions says nothing about new ones; nothing was written\n`);
    expect(run.code).toBe(2);
  });
});

describe('scripted interviews round-trip into calibrate', () => {
  /** The blind grade a scripted interviewer turns into a rating. */
  const RATING = ['insufficient', 'insufficient', 'needs_improvement', 'good', 'good', 'excellent'] as const;
  const POINTS = { insufficient: 0, needs_improvement: 1, good: 2, excellent: 3 } as const;

  it('four interviews of ten bank questions, one pass: 39 graded answers that calibrate fits on the 0-3 scale', async () => {
    const blind = readBlindSet();
    const ids = [...new Set(blind.map((b) => b.question))].sort().slice(0, 10);
    const home = path.join(ws.root, 'home-round-trip');
    const plan = path.join(ws.root, 'ten.yaml');
    writeFileSync(plan, `questions:\n${ids.map((id) => `  - ${id}`).join('\n')}\n`);
    const expected: Array<{ question: string; answer: string; grade: number }> = [];
    for (let k = 0; k < 4; k++) {
      const docs = ids.map((id, q) => {
        if (k === 0 && q === 5) return '---\npass: true\n';
        const answers = blind.filter((b) => b.question === id);
        const chosen = answers[(k + 2 * q) % answers.length]!;
        const rating = RATING[chosen.grade]!;
        expected.push({ question: id, answer: chosen.answer, grade: POINTS[rating] });
        return `---\nid: ${id}\nnotes: ${JSON.stringify(chosen.answer)}\nrating: ${rating}\nreason: the blind grade was ${chosen.grade}\n`;
      });
      const script = path.join(ws.root, `script-${k}.yaml`);
      writeFileSync(script, `${docs.join('')}---\ndecision: confirm\n`);
      const run = await runCli(['interview', '--candidate', `Candidate ${k}`, '--plan', plan, '--script', script], { env: { QBANK_HOME: home, QBANK_NOW: `2027-01-0${k + 1}T10:00:00Z` }, cwd: ws.root });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }

    const grades = path.join(ws.root, 'round-trip.jsonl');
    const exported = await runCli(['scorecard', 'export-grades', '--out', grades], { env: { QBANK_HOME: home } });
    expect(exported.code).toBe(0);
    const lines = jsonLines(readFileSync(grades, 'utf8'));
    expect(lines.map((l) => ({ question: l.question, answer: String(l.answer).trim(), grade: l.grade }))).toEqual(expected.map((e) => ({ ...e, answer: e.answer.trim() })));
    expect(lines).toHaveLength(39);

    const run = await runCli(['calibrate', grades, '--scale', '0-3', '--out', path.join(ws.root, 'interview-rubrics'), '--json'], { cwd: ws.root });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ answers: 39, questions: 10, scale: { min: 0, max: 3, pass: 1.8 }, input: { lines: 39, used: 39, skipped: [] } });
    expect(report.r.current).toBeGreaterThan(0.5);
  }, 60_000);
});
