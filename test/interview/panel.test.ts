import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Panel } from '../../src/core/interview/merge.js';
import { runCli } from '../helpers/cli.js';
import { LITTLES_LAW, OUTPUT_RULE, workspace } from './helpers.js';

let ws: ReturnType<typeof workspace>;
const files: Record<string, string> = {};

const script = (q2Rating: string, reason: string) => `notes: The output rule holds output until the backup acknowledges the log entry, because a crash after replying would leave the backup diverged from what the client saw; the cost is a round trip of latency.
---
notes: More workers is better.
rating: ${q2Rating}
reason: ${reason}
---
decision: confirm
`;

async function interview(interviewer: string, q2Rating: string, reason: string, candidate = 'Ana Lima'): Promise<string> {
  const out = path.join(ws.root, `${interviewer}.json`);
  const run = await runCli(['interview', '--candidate', candidate, '--interviewer', interviewer, '--plan', ws.plan, '--format', 'json', '--out', out], {
    env: { QBANK_HOME: ws.home, QBANK_BANK: ws.bank },
    stdin: script(q2Rating, reason),
  });
  expect(run.stderr).toBe(`qbank: wrote ${out}\n`);
  return out;
}

beforeAll(async () => {
  ws = workspace();
  files.bo = await interview('Bo', 'needs_improvement', 'Some reasoning');
  files.cy = await interview('Cy', 'excellent', 'Explained queueing on the whiteboard');
  files.di = await interview('Di', 'good', 'Fine', 'Someone Else');
}, 30_000);
afterAll(() => ws.cleanup());

describe('qbank scorecard merge', () => {
  it('lines two interviewers up and flags the question they rate two bands apart', async () => {
    const { code, stdout } = await runCli(['scorecard', 'merge', files.bo!, files.cy!], { cwd: ws.root });
    expect(code).toBe(0);
    expect(stdout).toContain('1 of 2 questions with a disagreement of one band or more');
    const lines = stdout.split('\n');
    const flagged = lines.findIndex((line) => line.startsWith(`! ${LITTLES_LAW}`));
    expect(lines[flagged]).toContain('DISAGREE: 2 bands apart');
    expect(lines.slice(flagged + 2, flagged + 4).map((l) => l.trim().replace(/\s+/g, ' '))).toEqual(['Bo needs improvement (0/100)', 'Cy excellent (0/100)']);
    expect(lines.find((line) => line.includes(OUTPUT_RULE))).toBe(`  ${OUTPUT_RULE}`);
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });

  it('gives the same view as JSON and as a Markdown table', async () => {
    const json = JSON.parse((await runCli(['scorecard', 'merge', files.bo!, files.cy!, '--format', 'json'])).stdout) as Panel;
    expect(json.questions.map((q) => [q.id, q.spread, q.disagree])).toEqual([[OUTPUT_RULE, 0, false], [LITTLES_LAW, 2, true]]);
    expect(json.interviewers.map((i) => i.name)).toEqual(['Bo', 'Cy']);
    const md = (await runCli(['scorecard', 'merge', files.bo!, files.cy!, '--format', 'md'])).stdout;
    expect(md).toMatch(/\| Sizing a Worker Pool with Little's Law \(`fixture-littles-law-L3-001`\) \| needs improvement \(0\/100\) \| excellent \(0\/100\) \| \*\*DISAGREE: 2 bands apart\*\* \|/);
  });

  it.each([
    [['bo', 'di'], /^qbank: Di\.json is for "Someone Else" but Bo\.json is for "Ana Lima"; merge scorecards of one candidate only\n$/],
    [['bo'], /^qbank: Give at least two scorecard JSON files to merge\n$/],
    [['bo', 'notjson'], /^qbank: notjson\.json is not JSON; merge reads scorecards/],
    [['bo', 'other'], /^qbank: other\.json is not a qbank scorecard \(Expected qbank-scorecard for "format", got nothing\)/],
  ])('refuses %j with one line and exit 2', async (names, message) => {
    writeFileSync(path.join(ws.root, 'notjson.json'), '{ nope');
    writeFileSync(path.join(ws.root, 'other.json'), JSON.stringify({ hello: 1 }));
    const paths = names.map((n) => files[n] ?? path.join(ws.root, `${n}.json`));
    const { code, stderr } = await runCli(['scorecard', 'merge', ...paths.map((p) => path.relative(ws.root, p))], { cwd: ws.root });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(readFileSync(files.bo!, 'utf8')).toContain('"format": "qbank-scorecard"');
  });
});
