import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';
import { renderHistory } from '../../src/cli/practice/render-history.js';
import { renderStats } from '../../src/cli/practice/render-stats.js';
import { createStyle } from '../../src/cli/style.js';
import type { Attempt } from '../../src/core/practice/history.js';
import type { PracticeStats } from '../../src/core/practice/stats.js';

const ID = 'raft-log-compaction-L4-001';
const LONG_ID = 'primary-backup-nondeterministic-events-L3-001';
const ANSWER = 'Each server snapshots its state machine, keeps the last included index and term, and discards the log before it.';

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-edges-'));
  env = { QBANK_HOME: path.join(dir, 'home'), QBANK_CACHE: path.join(dir, 'cache'), NO_COLOR: '1' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], options: { stdin?: string; tty?: boolean; cwd?: string } = {}) => runCli(args, { env, cwd: options.cwd ?? dir, stdin: options.stdin, tty: options.tty });
const practise = (id: string) => cli(['practice', '--id', id], { stdin: `${ANSWER}\n---\n:quit\n---\n` });

describe('a filter or path that matches nothing: exit 2, with the values there are', () => {
  it.each([
    [['list', '--topic', 'nosuch'], /^qbank: --topic "nosuch" matches no question; the topics there are: performance, primary-backup, raft, resilience, scalability\n$/],
    [['list', '--topic', 'raft', '--level', 'L6', '--type', 'mcq', '--json'], /^qbank: No question has --type "mcq" together with --topic raft --level L6; with --topic raft --level L6 the types are: subjective\n$/],
    [['practice', '--topic', 'nosuch'], /^qbank: --topic "nosuch" matches no question; the topics there are: performance, /],
    [['practice', '--tag', 'nosuch'], /^qbank: --tag "nosuch" matches no question; the tags there are: .+ and \d+ more\n$/],
    [['interview', '--candidate', 'A', '--topic', 'nosuch'], /^qbank: --topic "nosuch" matches no open question; the topics there are: performance, /],
  ])('qbank %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('lint of a folder with no question files', async () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'README.md'), '# not a question\n');
    const { code, stdout, stderr } = await cli(['lint', 'empty']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^qbank: No question files in "empty": qbank checks the \.md files in a folder/);
  });

  it('list of a bank folder with no questions', async () => {
    mkdirSync(path.join(dir, 'empty'));
    const { code, stderr } = await cli(['list', '--bank', 'empty']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^qbank: The bank has no questions to choose from; /);
  });

  it('history --id: an id the bank has but not yet practised is no mistake; an unknown one is', async () => {
    expect((await practise(ID)).code).toBe(0);
    expect((await practise(LONG_ID)).code).toBe(0);
    const unknown = await cli(['history', '--id', 'nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(`qbank: No attempts at "nosuch", and the bank has no question with that id; your history has attempts at ${LONG_ID}, ${ID}\n`);
    const other = 'raft-commit-previous-term-L4-001';
    const none = await cli(['history', '--id', other]);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(`No attempts at ${other} yet. Practise it with "qbank practice --id ${other}".\n`);
  });
});

describe('history --export', () => {
  it('to a folder that does not exist: one line saying so, exit 2', async () => {
    expect((await practise(ID)).code).toBe(0);
    const target = path.join(dir, 'missing', 'dir', 'x.json');
    const { code, stderr } = await cli(['history', '--export', target]);
    expect(code).toBe(2);
    expect(stderr).toBe(`qbank: Cannot write ${target}: its folder does not exist\n`);
  });
});

describe('a data folder where nothing can be made', () => {
  it.runIf(existsSync('/proc/self'))('QBANK_HOME under /proc fails at once with one line, before any question', () => {
    // A guard, not a time limit: Node's recursive mkdir never returns there.
    const result = runBin(['practice', '--id', ID], { env: { QBANK_HOME: '/proc/qbank-test/home' }, input: `${ANSWER}\n---\n`, timeout: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('Keeping a Raft Log');
    expect(result.stderr.trim().split('\n')).toEqual([
      'qbank: Cannot save to /proc/qbank-test/home/history.jsonl: the folder /proc/qbank-test cannot be created there (its parent exists but takes no new folders); set QBANK_HOME to a folder you can write',
    ]);
  });
});

describe('lint --quiet with --max-warnings', () => {
  it('does not say "no problems" when warnings it hides fail the run', async () => {
    writeFileSync(path.join(dir, 'q.md'), fixture('valid-subjective.md'));
    const { code, stdout, stderr } = await cli(['lint', '--no-cache', '--quiet', '--max-warnings', '0', 'q.md']);
    expect(code).toBe(1);
    expect(stdout).not.toContain('no problems');
    expect(stdout).toBe('1 file checked, no errors; 1 warning not shown (--quiet)\n');
    expect(stderr).toBe('qbank: 1 warning (not shown: --quiet) exceeds --max-warnings 0\n');
  });
});

describe('qbank show', () => {
  it.each([['./nosuch.md'], ['drafts/q.md'], ['nosuch.md']])('%s: a missing file, not an unknown id', async (target) => {
    const { code, stderr } = await cli(['show', target]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/No question with id/);
    expect(stderr).toMatch(/no such file or folder/);
  });

  it('--rubric shows mis-encoded text repaired, as --fix would write it', async () => {
    writeFileSync(path.join(dir, 'q.md'), fixture('valid-subjective.md').replace('L3→L4 Challenge', 'L3â†’L4 Challenge').replace("Little's Law says", 'Littleâ€™s Law says'));
    const { code, stdout } = await cli(['show', './q.md', '--rubric']);
    expect(code).toBe(0);
    expect(stdout).toContain('L3→L4 Challenge');
    expect(stdout).toContain('Little’s Law says');
    expect(stdout).not.toMatch(/â€|â†/);
  });
});

describe('lint config files with comments', () => {
  it('reads JSON with comments and trailing commas, and still names the place of a mistake', async () => {
    writeFileSync(path.join(dir, 'q.md'), fixture('valid-subjective.md'));
    writeFileSync(path.join(dir, 'qbank.config.json'), '{\n  // the bank keeps "day"\n  "rules": {\n    /* off */ "frontmatter-unknown-key": "off",\n  },\n}\n');
    const clean = await cli(['lint', '--no-cache', 'q.md']);
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toBe('✔ 1 file checked, no problems\n');
    writeFileSync(path.join(dir, 'qbank.config.json'), '{\n  // a typo\n  "rules": {\n    "sectoin-order": "off",\n  }\n}\n');
    const typo = await cli(['lint', '--no-cache', 'q.md']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('qbank: qbank.config.json:4:5: Unknown rule "sectoin-order"; did you mean "section-order"? (docs/rules.md lists every rule)\n');
  });
});

describe('list and history on an 80-column terminal and piped', () => {
  it('list: every line fits 80 columns on a terminal; piped and --json, ids are whole', async () => {
    const tty = await cli(['list'], { tty: true });
    expect(tty.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(tty.stdout).toContain(LONG_ID);
    const piped = await cli(['list']);
    expect(piped.stdout).not.toMatch(/-L\d-0…|-…|…\s{2}/);
    const json = JSON.parse((await cli(['list', '--json'])).stdout) as Array<{ id: string }>;
    for (const { id } of json) {
      expect(piped.stdout).toContain(`${id} `);
      expect(tty.stdout).toContain(id);
    }
  });

  const attempt = (questionId: string): Attempt =>
    ({ questionId, answeredAt: '2026-01-31T14:05:12.000Z', score: 42, band: 'needs_improvement', timeTakenMs: 192_000, followUps: [{ stage: 'partial', score: 30 }] }) as unknown as Attempt;
  const style = createStyle({ write: () => true }, { NO_COLOR: '1' });

  it('history: fits 80 columns on a terminal with the whole id, and is one whole row per attempt piped', () => {
    const attempts = [attempt(LONG_ID), attempt(ID)];
    const tty = renderHistory(attempts, style, 80);
    expect(tty.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(tty).toContain(`  ${LONG_ID}\n`);
    const piped = renderHistory(attempts, style);
    expect(piped.split('\n')[1]).toMatch(new RegExp(`^2026-01-31 14:05  ${LONG_ID}  42 +needs improvement  30 +3:12$`));
  });

  it('stats: the trend chart has the dates on its axis', () => {
    const trend = Array.from({ length: 40 }, (_, i) => ({ date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10), attempts: 1, average: (i * 37) % 100 }));
    const stats = { attempts: 40, questionsPractised: 3, averageScore: 50, byTopic: [], byLevel: [], trend, missedConcepts: [], due: { now: 0 } } as unknown as PracticeStats;
    const lines = renderStats(stats, { style, width: 80 }).split('\n');
    const axis = lines.findIndex((line) => line.includes('└'));
    expect(axis).toBeGreaterThan(0);
    const labels = lines[axis + 1] ?? '';
    expect(labels.trim().startsWith('2026-01-01')).toBe(true);
    expect(labels.trim().endsWith('2026-02-09')).toBe(true);
    // Each date sits under its tick: the first starts at it, the last ends at it.
    expect(labels.indexOf('2026-01-01')).toBe(lines[axis]!.indexOf('┬'));
    expect(labels.indexOf('2026-02-09') + 9).toBe(lines[axis]!.lastIndexOf('┬'));
    expect(lines.every((line) => line.length <= 80)).toBe(true);
  });
});
