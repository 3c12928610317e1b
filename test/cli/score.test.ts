import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { runBin, runCli } from '../helpers/cli.js';

let dir: string;
const ANSWER =
  'The primary holds each packet until the backup acknowledges the log entry behind it: the output rule. ' +
  'If the primary crashed after replying but before the backup got the entry, the backup would take over and disagree with what the client saw. ' +
  'The cost is one round trip of latency per reply.';

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-score-'));
  writeFileSync(path.join(dir, 'output-rule.md'), fixture('output-rule.md'));
  writeFileSync(path.join(dir, 'mcq.md'), fixture('valid-mcq.md'));
  writeFileSync(path.join(dir, 'answer.txt'), ANSWER);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qbank score', () => {
  it('scores an answer given with --answer, by id', async () => {
    const { code, stdout } = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, '--answer', ANSWER]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Score \d+\/100 · (good|excellent) · passed/);
    expect(stdout).toContain('✔ Output Rule');
    expect(stdout).toMatch(/Next: the (guided|depth) probe/);
    expect(stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('reads the answer from a file and from stdin, with the same result', async () => {
    const fromFile = await runCli(['score', path.join(dir, 'output-rule.md'), '--answer-file', path.join(dir, 'answer.txt'), '--json']);
    const fromStdin = await runCli(['score', path.join(dir, 'output-rule.md'), '--json'], { stdin: ANSWER });
    expect(fromFile.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it('prints the JSON fields other tools rely on', async () => {
    const { stdout } = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, '--answer', ANSWER, '--json']);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ id: 'fixture-output-rule-L3-001', passed: true });
    expect(typeof result.score).toBe('number');
    expect(['excellent', 'good', 'needs_improvement', 'insufficient']).toContain(result.band);
    expect(['excellent', 'partial', 'weak']).toContain(result.followUp);
    const concepts = result.concepts as Array<Record<string, unknown>>;
    expect(concepts[0]).toMatchObject({ name: 'Output Rule', kind: 'mandatory', covered: true, evidence: { line: 1 } });
    expect(result.keywords).toEqual({ hit: expect.any(Array), missed: expect.any(Array) });
    expect(Array.isArray(result.mistakes) && Array.isArray(result.warnings)).toBe(true);
  });

  it('explains which words matched for each concept', async () => {
    const { stdout } = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, '--answer', ANSWER, '--explain']);
    expect(stdout).toMatch(/credit 1 by its name; matched: output ×2, rule ×2/);
    expect(stdout).toMatch(/not found: /);
  });

  it('shows partial credit as "partly covered", with every term and its weight under --explain and in --json', async () => {
    const partial = 'Packets wait until the backup has the log entry; only then do they go to the outside world.';
    const human = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, '--answer', partial, '--explain']);
    expect(human.stdout).toMatch(/◐ Output Rule \(partly covered: 0\.\d+\)/);
    expect(human.stdout).toMatch(/credit 0\.\d+ by part of its terms; matched: .*backup ×/);
    const json = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, '--answer', partial, '--json']);
    const rule = JSON.parse(json.stdout).concepts.find((c: { name: string }) => c.name === 'Output Rule');
    expect(rule).toMatchObject({ covered: false, via: 'partial' });
    expect(rule.credit).toBeGreaterThan(0);
    expect(rule.credit).toBeLessThan(1);
    expect(rule.terms).toContainEqual({ term: 'output', weight: 2, found: false });
    expect(rule.evidence.text).toMatch(/backup/);
  });

  it.each([
    [['--answer', '   '], /^qbank: The answer is empty/],
    [['--answer', 'x', '--answer-file', 'y'], /^qbank: Give either --answer or --answer-file/],
    [['--answer-file', 'missing.txt'], /^qbank: Cannot read the answer file missing\.txt/],
  ])('rejects bad answer input %j with one line and exit 2', async (args, message) => {
    const { code, stderr } = await runCli(['score', 'fixture-output-rule-L3-001', '--bank', dir, ...args], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses to grade a multiple-choice question', async () => {
    const { code, stderr } = await runCli(['score', 'fixture-mcq-tail-latency-001', '--bank', dir, '--answer', 'B']);
    expect(code).toBe(2);
    expect(stderr).toContain('multiple-choice');
  });

  it('reads an answer piped to the built binary', () => {
    const { code, stdout } = runBin(['score', path.join(dir, 'output-rule.md'), '--json'], { input: ANSWER });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }).id).toBe('fixture-output-rule-L3-001');
  });
});

describe('qbank score --batch', () => {
  it('passes every other field through, and survives bad lines', async () => {
    const lines = [
      JSON.stringify({ question: 'fixture-output-rule-L3-001', answer: ANSWER, candidate: 'ana', meta: { take: 1 } }),
      '{ not json',
      JSON.stringify({ question: 'no-such-question', answer: 'text', candidate: 'bo' }),
      JSON.stringify({ question: 'fixture-output-rule-L3-001', answer: '  ', candidate: 'cy' }),
      '',
      JSON.stringify({ question: path.join(dir, 'output-rule.md'), answer: 'Bread needs time to rise before baking.', candidate: 'di' }),
    ];
    writeFileSync(path.join(dir, 'answers.jsonl'), `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = await runCli(['score', '--batch', path.join(dir, 'answers.jsonl'), '--bank', dir]);
    expect(code).toBe(1);
    expect(stderr).toBe('qbank: 4 lines could not be scored; see the "error" lines\n');
    const out = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(6);
    expect(out[0]).toMatchObject({ line: 1, id: 'fixture-output-rule-L3-001', candidate: 'ana', meta: { take: 1 }, passed: true });
    expect(out[1]).toEqual({ line: 2, error: 'The line is not valid JSON' });
    expect(out[2]).toEqual({ line: 3, error: 'No question with id "no-such-question" in the bank', candidate: 'bo' });
    expect(out[3]).toMatchObject({ line: 4, candidate: 'cy', error: expect.stringMatching(/empty/) });
    expect(out[4]).toEqual({ line: 5, error: 'The line is blank' });
    expect(out[5]).toMatchObject({ line: 6, candidate: 'di', band: 'insufficient' });
  });

  it('reads the batch from stdin with "-"', async () => {
    const { code, stdout } = await runCli(['score', '--batch', '-', '--bank', dir], { stdin: `${JSON.stringify({ question: 'fixture-output-rule-L3-001', answer: ANSWER, n: 7 })}\n` });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ n: 7, id: 'fixture-output-rule-L3-001' });
  });
});
