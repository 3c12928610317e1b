import { appendFileSync, copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { LITTLES_LAW, OUTPUT_RULE, records, workspace } from './helpers.js';

let ws: ReturnType<typeof workspace>;
beforeAll(() => {
  ws = workspace();
  copyFileSync(path.join(FIXTURES, 'valid-mcq.md'), path.join(ws.bank, 'mcq.md'));
  writeFileSync(path.join(ws.root, 'bad-plan.yaml'), 'questions: [a]\nduration: 4\n');
  writeFileSync(path.join(ws.root, 'unknown-plan.yaml'), `- ${OUTPUT_RULE}\n- no-such-question\n`);
  writeFileSync(path.join(ws.root, 'mcq-plan.yaml'), `- ${OUTPUT_RULE}\n- fixture-mcq-tail-latency-001\n`);
  writeFileSync(path.join(ws.root, 'mapping-plan.yaml'), `level: L3\nquestions:\n  - ${OUTPUT_RULE}\n  - no-such-question\n`);
});
afterAll(() => ws.cleanup());

const cli = (args: string[], stdin = '', home = ws.home) => runCli(args, { env: { QBANK_HOME: home, QBANK_BANK: ws.bank }, stdin, cwd: ws.root });

describe('qbank interview: mistakes are one line and exit 2', () => {
  it.each([
    [['interview'], /^qbank: Name the candidate: qbank interview --candidate NAME/],
    [['interview', '--candidate', 'A', '--level', 'L9'], /^qbank: --level expects one of L1, .*got "L9"\n$/],
    [['interview', '--candidate', 'A', '--count', 'many'], /^qbank: --count expects a whole number from 1 to 50, got "many"\n$/],
    [['interview', '--candidate', 'A', '--topic', 'cooking'], /^qbank: --topic "cooking" matches no open question; the topics there are: performance, /],
    [['interview', '--candidate', 'A', '--plan', 'plan.yaml', '--topic', 'x'], /^qbank: Give either --plan FILE or --topic/],
    [['interview', '--candidate', 'A', '--plan', 'missing.yaml'], /^qbank: Cannot read the plan file missing\.yaml\n$/],
    [['interview', '--candidate', 'A', '--plan', 'bad-plan.yaml'], /^qbank: bad-plan\.yaml:2:1: Unknown key "duration"; a plan has questions, level and total_time\n$/],
    [['interview', '--candidate', 'A', '--plan', 'unknown-plan.yaml'], /^qbank: unknown-plan\.yaml:2:3: no question with id "no-such-question" in the bank/],
    [['interview', '--candidate', 'A', '--plan', 'mapping-plan.yaml'], /^qbank: mapping-plan\.yaml:4:5: no question with id "no-such-question" in the bank/],
    [['interview', '--candidate', 'A', '--plan', 'mcq-plan.yaml'], /^qbank: mcq-plan\.yaml:2:3: "fixture-mcq-tail-latency-001" is a multiple-choice question/],
    [['interview', '--candidate', 'A', '--format', 'pdf'], /^qbank: --format expects one of md, json, html, got "pdf"\n$/],
    [['interview', '--candidate', 'A', '--script', 'nope.yaml'], /^qbank: Cannot read the script file nope\.yaml\n$/],
    [['interview', '--resume', '--candidate', 'A'], /^qbank: --resume continues a saved session as it was planned; drop --candidate\n$/],
    [['interview', '--resume', 'no-such-session'], /^qbank: No interview session "no-such-session" in .*; run "qbank interview --list"/],
    [['scorecard'], /^qbank: Name the session: qbank scorecard SESSION/],
    [['scorecard', 'no-such-session'], /^qbank: No interview session "no-such-session"/],
  ])('%j', async (args, message) => {
    const { code, stderr } = await cli(args, '', path.join(ws.root, 'empty-home'));
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(stderr.includes('left out') ? 2 : 1);
    expect(code).toBe(2);
  });

  it('names a script mistake precisely, and keeps the session to resume', async () => {
    const home = path.join(ws.root, 'home-script');
    const { code, stderr } = await cli(['interview', '--candidate', 'Ana', '--plan', 'plan.yaml'], 'notes: The output rule.\nconcepts: [Output Rule, Magic Beans]\n', home);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^qbank: <stdin>:2:25: "Magic Beans" is not on the concepts checklist; it has "Output Rule", .*; the session is saved \("qbank interview --resume \d{8}-\d{6}-ana" continues it\)\n$/);
    const [file] = readdirSync(path.join(home, 'interviews'));
    expect(records(path.join(home, 'interviews', file!)).at(-1)).toMatchObject({ type: 'draft', draft: { phase: 'concepts', notes: 'The output rule.' } });
  });
});

describe('qbank interview without a terminal', () => {
  const home = () => path.join(ws.root, 'home-quiet');

  it('stops at once on a closed, empty stdin, and the session can be listed and resumed', async () => {
    const run = await cli(['interview', '--candidate', 'Bo Chen', '--plan', 'plan.yaml'], '', home());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Interview saved\. Continue it with:\n {2}qbank interview --resume \d{8}-\d{6}-bo-chen\n$/);
    const list = await cli(['interview', '--list'], '', home());
    expect(list.stdout).toMatch(/^\d{8}-\d{6}-bo-chen {2}Bo Chen · L3 · 0 of 2 done\n$/);
    const json = JSON.parse((await cli(['interview', '--list', '--json'], '', home())).stdout) as Array<Record<string, unknown>>;
    expect(json).toEqual([expect.objectContaining({ candidate: 'Bo Chen', questions: 2, done: 0, complete: false, recommendation: null })]);
  });

  it('skips a damaged record with a warning, and shows an unfinished scorecard with a warning', async () => {
    const dir = path.join(home(), 'interviews');
    const [file] = readdirSync(dir);
    const resumed = await cli(['interview', '--resume'], `pass: true\n`, home());
    expect(resumed.code).toBe(0);
    appendFileSync(path.join(dir, file!), '{"v":1,"type":"question","outco\n{"v":2,"type":"draft","at":"x","draft":{}}\n');
    const card = await cli(['scorecard', file!.replace('.jsonl', ''), '--format', 'json'], '', home());
    expect(card.code).toBe(0);
    const warnings = card.stderr.trim().split('\n');
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^qbank: warning: .*\.jsonl:\d+: not valid JSON \(a record cut short\?\); skipped$/);
    expect(warnings[1]).toMatch(/^qbank: warning: .*\.jsonl:\d+: Not a version 1 record; skipped$/);
    expect(warnings[2]).toMatch(/^qbank: warning: session .* is not finished; the scorecard shows what is saved so far$/);
    const scorecard = JSON.parse(card.stdout) as { complete: boolean; questions: Array<{ id: string; status: string }>; pending: string[] };
    expect(scorecard).toMatchObject({ complete: false, questions: [{ id: OUTPUT_RULE, status: 'passed' }], pending: [LITTLES_LAW] });
  });
});
