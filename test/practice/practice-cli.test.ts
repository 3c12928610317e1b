import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../helpers/fixtures.js';
import { practiceBank } from '../helpers/practice-bank.js';
import { runBin, startBin } from '../helpers/cli.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';

const { strong: STRONG, partial: PARTIAL, weak: WEAK } = OUTPUT_RULE_ANSWERS;
const SUBJECTIVE = 'fixture-output-rule-L3-001';
const MCQ = 'fixture-mcq-tail-latency-001';

const workspace = practiceBank('qbank-practice-', { 'output-rule.md': 'output-rule.md', 'mcq.md': 'valid-mcq.md' });
const home = () => workspace.home();

function practice(qhome: string, args: string[], blocks: string[], env: NodeJS.ProcessEnv = {}) {
  return runBin(['practice', '--bank', workspace.bank, ...args], { env: { QBANK_HOME: qhome, ...env }, input: blocks.map((b) => `${b}\n---\n`).join('') });
}

function records(qhome: string): Array<Record<string, unknown>> {
  const file = path.join(qhome, 'history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('qbank practice with piped answers', () => {
  it('runs a subjective and a multiple-choice question, with the depth probe and bar raiser, and saves it all', () => {
    const qhome = home();
    const result = practice(qhome, ['--id', SUBJECTIVE, '--id', MCQ], [
      STRONG,
      'The round trip dominates, about 1,700 requests per second per client; batching and pipelining help.',
      'With a shared disk only the primary writes, and its writes wait under the output rule.',
      'B',
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Question 1 of 2');
    expect(result.stdout).toMatch(/Score \d+\/100 · excellent/);
    expect(result.stdout).toContain('Follow-up: depth probe');
    expect(result.stdout).toContain('Bar raiser · L3→L4 Challenge');
    expect(result.stdout).toContain('✔ Right: B');
    expect(result.stdout).toMatch(/Session summary[\s\S]*2 of 2 answered/);
    expect(result.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    const saved = records(qhome);
    expect(saved.map((r) => [r.type, r.questionId, r.stage ?? r.band])).toEqual([
      ['attempt', SUBJECTIVE, 'excellent'],
      ['follow-up', SUBJECTIVE, 'excellent'],
      ['follow-up', SUBJECTIVE, 'bar-raiser'],
      ['attempt', MCQ, 'excellent'],
    ]);
    expect(saved[0]).toMatchObject({ v: 1, answer: STRONG, questionType: 'subjective', result: { id: SUBJECTIVE, band: 'excellent' } });
    expect(saved[3]).toMatchObject({ mcq: { letter: 'B', right: 'B', correct: true }, score: 100 });
  });

  it.each([
    ['guided probe', PARTIAL, 'partial'],
    ['foundation check', WEAK, 'weak'],
  ])('reaches the %s after a weaker answer', (label, answer, stage) => {
    const qhome = home();
    const result = practice(qhome, ['--id', SUBJECTIVE], [answer, 'The backup never saw the request, so it diverges from what the client was told.']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Follow-up: ${label}`);
    expect(result.stdout).toContain('Hint: ');
    expect(records(qhome).map((r) => r.stage ?? r.type)).toEqual(['attempt', stage]);
  });

  it('quits mid-session with what was answered saved', () => {
    const qhome = home();
    const result = practice(qhome, ['--id', SUBJECTIVE, '--id', MCQ], [PARTIAL, ':quit']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Session ended early[\s\S]*not reached/);
    expect(records(qhome).map((r) => r.type)).toEqual(['attempt']);
  });

  it('ends cleanly when stdin closes before any answer', () => {
    const qhome = home();
    const result = runBin(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { env: { QBANK_HOME: qhome }, input: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Session ended early');
    expect(records(qhome)).toEqual([]);
  });

  it('picks the questions that are due on a later run', () => {
    const qhome = home();
    practice(qhome, ['--id', SUBJECTIVE, '--id', MCQ], [WEAK, ':skip', 'C']);
    expect(records(qhome).filter((r) => r.type === 'attempt')).toHaveLength(2);
    const soon = runBin(['practice', '--bank', workspace.bank, '--due'], { env: { QBANK_HOME: qhome }, input: '' });
    expect(soon.stdout).toContain('Nothing is due for review');
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const later = practice(qhome, ['--due'], [':skip', ':skip'], { QBANK_NOW: tomorrow });
    expect(later.stdout).toContain('Question 1 of 2');
    expect(later.stdout).toContain(SUBJECTIVE);
    const stats = JSON.parse(runBin(['stats', '--json'], { env: { QBANK_HOME: qhome, QBANK_NOW: tomorrow } }).stdout) as { due: { now: number } };
    expect(stats.due.now).toBe(2);
  });

  it('keeps every attempt completed before the process is killed', async () => {
    const qhome = home();
    const child = startBin(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE, '--id', MCQ], { env: { QBANK_HOME: qhome } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdin.write(`${PARTIAL}\n---\n`);
    const deadline = Date.now() + 20_000;
    while (!output.includes('Follow-up:') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(records(qhome).map((r) => r.type)).toEqual(['attempt']);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const history = runBin(['history', '--json'], { env: { QBANK_HOME: qhome } });
    expect(history.code).toBe(0);
    expect(history.stderr).toBe('');
    expect((JSON.parse(history.stdout) as Array<{ questionId: string }>).map((a) => a.questionId)).toEqual([SUBJECTIVE]);
  });
});

describe('qbank stats and qbank history', () => {
  it('summarise, list and export what was practised, skipping a damaged record with a warning', () => {
    const qhome = home();
    practice(qhome, ['--id', SUBJECTIVE, '--id', MCQ], [PARTIAL, ':skip', 'A']);
    writeFileSync(path.join(qhome, 'history.jsonl'), `${readFileSync(path.join(qhome, 'history.jsonl'), 'utf8')}{"v":1,"type":"attempt","broken\n`);
    const stats = runBin(['stats'], { env: { QBANK_HOME: qhome } });
    expect(stats.code).toBe(0);
    expect(stats.stderr).toMatch(/^qbank: warning: .*history\.jsonl:3: not valid JSON/);
    expect(stats.stdout).toMatch(/2 attempts on 2 questions/);
    expect(stats.stdout).toContain('fixture');
    const json = JSON.parse(runBin(['stats', '--json'], { env: { QBANK_HOME: qhome } }).stdout) as { attempts: number; byTopic: unknown[]; missedConcepts: Array<{ concept: string }> };
    expect(json.attempts).toBe(2);
    expect(json.missedConcepts.length).toBeGreaterThan(0);
    const list = runBin(['history', '--id', MCQ], { env: { QBANK_HOME: qhome } });
    expect(list.stdout).toMatch(/fixture-mcq-tail-latency-001\s+0\s+insufficient/);
    const out = path.join(qhome, 'export.json');
    const exported = runBin(['history', '--export', out], { env: { QBANK_HOME: qhome } });
    expect(exported.stdout).toBe(`Wrote 2 attempts to ${out}\n`);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { version: number; attempts: Array<{ followUps: unknown[] }> };
    expect(file.version).toBe(1);
    expect(file.attempts[0]?.followUps).toHaveLength(0);
  });

  it('say so when there is no history yet', () => {
    const qhome = home();
    expect(runBin(['stats'], { env: { QBANK_HOME: qhome } }).stdout).toBe('No practice yet. Start with "qbank practice".\n');
    expect(runBin(['history'], { env: { QBANK_HOME: qhome } }).stdout).toBe('No attempts yet. Start with "qbank practice".\n');
  });
});
