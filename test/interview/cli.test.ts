import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/core/interview/scorecard.js';
import { runBin, startBin } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { attr, elements, textOf } from './html.js';
import { INTERVIEW_FIXTURES, LITTLES_LAW, OUTPUT_RULE, records, workspace } from './helpers.js';

let ws: ReturnType<typeof workspace>;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.cleanup());

const env = () => ({ QBANK_HOME: ws.home, QBANK_BANK: ws.bank });
const sessionFiles = () => readdirSync(path.join(ws.home, 'interviews')).filter((f) => f.endsWith('.jsonl'));

describe('qbank interview through the built binary', () => {
  it('runs a scripted interview of two questions and exports its scorecard in all three formats', () => {
    const out = path.join(ws.root, 'ana-bo.json');
    const run = runBin(['interview', '--candidate', 'Ana Lima', '--interviewer', 'Bo', '--plan', ws.plan, '--script', path.join(INTERVIEW_FIXTURES, 'full-script.yaml'), '--out', out], { env: env(), cwd: ws.root });
    expect(run.stderr).toBe(`qbank: wrote ${out}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Time 0:00 of 6-8 min · interview 0:00 of 30 min');
    expect(run.stdout).toContain('Follow-up: the depth probe · Depth Probe');
    expect(run.stdout).toContain('Follow-up: the foundation check · Foundation Check');
    expect(run.stdout).toContain('Interview complete: no hire.');
    expect(run.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);

    const card = JSON.parse(readFileSync(out, 'utf8')) as Scorecard;
    expect(card).toMatchObject({ candidate: 'Ana Lima', interviewer: 'Bo', targetLevel: 'L3', complete: true });
    const [q1, q2] = card.questions;
    expect(q1).toMatchObject({ id: OUTPUT_RULE, status: 'answered', band: 'excellent' });
    expect(q1?.concepts.find((c) => c.name === 'Duplicate Output After Failover')).toMatchObject({ ticked: true, suggested: false });
    expect(q1?.redFlags.filter((f) => f.ticked)).toEqual([{ text: 'Claiming the output rule guarantees each output is sent exactly once', ticked: true, suggested: false, penalty: 5 }]);
    expect(q1?.followUps.map((f) => [f.kind, f.tier, f.band])).toEqual([['follow_up', 'excellent', expect.any(String)], ['bar_raiser', null, expect.any(String)]]);
    const bar = q1?.followUps[1];
    expect(bar?.items.find((i) => i.text.startsWith('With a shared disk'))).toMatchObject({ ticked: false });
    expect(q2).toMatchObject({ id: LITTLES_LAW, band: 'insufficient', rating: { band: 'needs_improvement', overridden: true, reason: 'Recovered well with the <b>shop</b> example & reasoned aloud' } });
    expect(q2?.followUps[0]).toMatchObject({ tier: 'weak', suggestedTier: 'weak', items: [{ text: 'Rate times time', ticked: true }] });
    expect(card.recommendation).toMatchObject({ final: 'no_hire', overridden: true, reason: 'Not enough depth on queueing for L3', confirmed: true });

    const [file] = sessionFiles();
    const log = records(path.join(ws.home, 'interviews', file!));
    expect(log.every((r) => r.v === 1)).toBe(true);
    expect(log.map((r) => r.type).filter((t) => t !== 'draft')).toEqual(['start', 'question', 'question', 'decision']);
    const id = card.session;

    const md = runBin(['scorecard', id], { env: env() });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Interview scorecard: Ana Lima\n/);
    expect(md.stdout).toContain('**no hire**');

    const htmlFile = path.join(ws.root, 'ana.html');
    expect(runBin(['scorecard', id, '--out', htmlFile], { env: env() }).code).toBe(0);
    const all = elements(parse(readFileSync(htmlFile, 'utf8')));
    expect(all.map((el) => attr(el, 'id')).filter(Boolean)).toEqual(['overview', 'recommendation', 'summary', 'questions', 'question-1', 'question-2', 'rule']);
    expect(all.filter((el) => el.tagName === 'script' || el.tagName === 'b')).toEqual([]);
    expect(textOf(all.find((el) => attr(el, 'id') === 'question-2')!)).toContain('<script>alert(1)</script>');

    const json = runBin(['scorecard', file!.replace('.jsonl', ''), '--format', 'json'], { env: env() });
    expect(JSON.parse(json.stdout)).toEqual(card);
  });

  it('resumes after the process is killed mid-interview, keeping the finished question', async () => {
    const home = path.join(ws.root, 'home-kill');
    const child = startBin(['interview', '--candidate', 'Cy Park', '--level', 'L3', '--count', '2'], { env: { QBANK_HOME: home, QBANK_BANK: ws.bank } });
    child.stdin.write(`notes: >-
  Little's Law says the number of requests in flight is the arrival rate times the time each one
  spends in the service, so 400 per second times 0.05 seconds is 20. I would give the pool more
  than 20 workers, because bursts push the queue up quickly when utilisation gets close to 100%.
follow_up:
  notes: With 100 ms it doubles to 40 in flight; multiply the rate by the new time.
---
`);
    const dir = path.join(home, 'interviews');
    const file = await waitFor(() => {
      const name = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.jsonl')) : undefined;
      return name && records(path.join(dir, name)).some((r) => r.type === 'question') ? path.join(dir, name) : undefined;
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(records(file).some((r) => r.type === 'decision')).toBe(false);

    const resumed = runBin(['interview', '--resume'], { env: { QBANK_HOME: home, QBANK_BANK: ws.bank }, input: 'pass: true\n---\ndecision: confirm\n' });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/Resuming \d{8}-\d{6}-cy-park \(Cy Park\): 1 of 2 questions done\./);
    expect(resumed.stdout).toContain('Saved question 2: passed');
    const log = records(file);
    const outcomes = log.flatMap((r) => (r.type === 'question' ? [r.outcome] : []));
    expect(outcomes.map((o) => [o.id, o.status, o.band])).toEqual([[LITTLES_LAW, 'answered', 'good'], [OUTPUT_RULE, 'passed', null]]);
    expect(outcomes[0]?.followUps[0]).toMatchObject({ tier: 'partial', suggestedTier: 'partial', status: 'answered' });
    expect(log.at(-1)).toMatchObject({ type: 'decision', decision: { derived: 'no_hire', final: 'no_hire', overridden: false } });
    expect(runBin(['interview', '--resume'], { env: { QBANK_HOME: home } }).stderr).toMatch(/^qbank: No unfinished interview to resume/);
  }, 30_000);

  it('prints help with examples for both commands without loading zod or yaml', () => {
    for (const args of [['interview', '--help'], ['scorecard', '--help'], ['scorecard', 'merge', '--help']]) {
      const { code, stdout } = runBin(args);
      expect(code).toBe(0);
      expect(stdout).toContain('Examples:');
      expect(stdout).toContain(`$ qbank ${args.slice(0, -1).join(' ')}`);
      const trace = path.join(ws.root, 'trace.txt');
      rmSync(trace, { force: true });
      const traced = runBin(args, { env: { NODE_OPTIONS: `--import=${path.join(REPO_ROOT, 'test', 'helpers', 'trace-imports.mjs')}`, QBANK_TRACE_FILE: trace } });
      expect(traced.code).toBe(0);
      const loaded = readFileSync(trace, 'utf8');
      expect(loaded).toContain('/dist/cli/commands/interview.js');
      expect(loaded).not.toMatch(/\/zod\/|\/yaml\/|@inquirer|parse5|\/dist\/cli\/interview\/|\/dist\/core\/interview\//);
    }
  });
});

async function waitFor<T>(probe: () => T | undefined, timeout = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > timeout) throw new Error('timed out waiting for the session record');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
