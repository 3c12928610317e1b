import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';
import { fixture } from '../helpers/fixtures.js';
import { practiceBank } from '../helpers/practice-bank.js';
import { fullDiskAfter } from '../helpers/full-disk.js';
import { attemptRecord } from '../helpers/history-records.js';

// `history --export` on a full disk: the atomic writer fails as it would with ENOSPC.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('write-file-atomic', async (importOriginal) => {
  const actual = await importOriginal<{ default: (...args: unknown[]) => Promise<void> }>();
  const write = async (...args: unknown[]) => {
    if (disk.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    return actual.default(...args);
  };
  return { ...actual, default: write };
});

const SUBJECTIVE = 'fixture-output-rule-L3-001';
const { strong: STRONG, weak: WEAK } = OUTPUT_RULE_ANSWERS;

const workspace = practiceBank('qbank-integrity-');
const home = () => workspace.home();

/** Root is not stopped by permissions; Linux's /sys is where even workspace.root cannot create a file. */
const asRoot = process.getuid?.() === 0;
const readOnlyPossible = !asRoot || (process.platform === 'linux' && existsSync('/sys/kernel'));

/** A data folder that can be read but not written. */
function readOnlyHome(): string {
  if (asRoot) return '/sys';
  const dir = path.join(workspace.root, 'read-only');
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o555);
  return dir;
}

const practice = (env: NodeJS.ProcessEnv, blocks: string[]) =>
  runCli(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { env, stdin: blocks.map((b) => `${b}\n---\n`).join('') });
const historyFile = (qhome: string) => path.join(qhome, 'history.jsonl');

describe('practice never loses an answer to a history it cannot write', () => {
  it.skipIf(!readOnlyPossible)('checks that the history can be written before the first question', async () => {
    const qhome = readOnlyHome();
    const { code, stdout, stderr } = await practice({ QBANK_HOME: qhome }, [STRONG]);
    expect(stdout).not.toContain('Question 1');
    expect(stderr).toBe(`qbank: Cannot save to ${historyFile(qhome)}: permission denied; set QBANK_HOME to a folder you can write\n`);
    expect(code).toBe(2);
  });

  it('keeps the answer in the temp folder when the disk fills, and leaves no torn record behind', async () => {
    const qhome = home();
    const tmp = path.join(workspace.root, 'tmp');
    expect((await practice({ QBANK_HOME: qhome }, [WEAK, ':skip'])).code).toBe(0);
    const before = readFileSync(historyFile(qhome));
    const full = await fullDiskAfter(0);
    let result;
    try {
      result = await practice({ QBANK_HOME: qhome, TMPDIR: tmp }, [STRONG]);
    } finally {
      full.mockRestore();
    }
    expect(result.stdout).toContain('Question 1 of 1');
    const [kept] = readdirSync(tmp);
    // The draft kept line by line cannot be written either: a warning, then the answer's error.
    const [warning, ...rest] = result.stderr.split('\n');
    expect(warning).toMatch(/^qbank: warning: the lines of your answer cannot be kept as you type \(Cannot save to .*practice-draft\.jsonl: the disk is full.*\); the answer is saved when you finish it$/);
    expect(rest.join('\n')).toBe(
      `qbank: Cannot save to ${historyFile(qhome)}: the disk is full; your answer is kept in ${path.join(tmp, kept!)} (once history.jsonl can be written again, add it back: cat ${path.join(tmp, kept!)} >> ${historyFile(qhome)}); set QBANK_HOME to a folder you can write\n`,
    );
    expect(result.code).toBe(2);
    expect(JSON.parse(readFileSync(path.join(tmp, kept!), 'utf8'))).toMatchObject({ type: 'attempt', questionId: SUBJECTIVE, answer: STRONG });
    expect(readFileSync(historyFile(qhome))).toEqual(before);
    const history = await runCli(['history', '--json'], { env: { QBANK_HOME: qhome } });
    expect(history.stderr).toBe('');
    // Added back as the message says, the answer is in the history.
    writeFileSync(historyFile(qhome), Buffer.concat([before, readFileSync(path.join(tmp, kept!))]));
    const restored = await runCli(['history', '--json'], { env: { QBANK_HOME: qhome } });
    expect((JSON.parse(restored.stdout) as Array<{ answer: string }>).map((a) => a.answer)).toEqual([WEAK, STRONG]);
  });
});

describe('reading the history', () => {
  it('skips records with invalid dates and a reused attemptId, with a warning each; the first attempt is kept', async () => {
    const qhome = home();
    const lines = [
      attemptRecord({ attemptId: 'a1', answer: 'first' }),
      attemptRecord({ attemptId: 'a1', answer: 'second, same id', answeredAt: '2026-03-03T10:05:00.000Z' }),
      attemptRecord({ attemptId: 'a2', answeredAt: 'yesterday' }),
      attemptRecord({ attemptId: 'a3', askedAt: '2026-02-30T10:00:00Z' }),
      attemptRecord({ attemptId: 'a4', srs: { ...attemptRecord().srs, due: 'soon' } }),
      { v: 1, type: 'follow-up', attemptId: 'a1', questionId: SUBJECTIVE, stage: 'weak', prompt: 'Why?', answeredAt: 'not a date', timeTakenMs: 1, answer: 'x', score: 1, band: 'insufficient', result: {} },
      attemptRecord({ attemptId: 'a5', answeredAt: '2026-03-04T10:05:00+02:00' }),
    ];
    writeFileSync(historyFile(qhome), `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
    const { code, stdout, stderr } = await runCli(['history', '--json'], { env: { QBANK_HOME: qhome } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Array<{ attemptId: string; answer: string }>).map((a) => [a.attemptId, a.answer])).toEqual([
      ['a1', 'first'],
      ['a5', 'The output rule.'],
    ]);
    const file = historyFile(qhome);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `qbank: warning: ${file}:2: attemptId "a1" was already used on line 1; skipped (the first record is kept)`,
      `qbank: warning: ${file}:3: "answeredAt" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got "yesterday"); skipped`,
      `qbank: warning: ${file}:4: "askedAt" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got "2026-02-30T10:00:00Z"); skipped`,
      `qbank: warning: ${file}:5: "srs.due" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got "soon"); skipped`,
      `qbank: warning: ${file}:6: "answeredAt" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got "not a date"); skipped`,
    ]);
  });

  it('reads a first record behind a byte order mark', async () => {
    const qhome = home();
    writeFileSync(historyFile(qhome), `\uFEFF${JSON.stringify(attemptRecord())}\r\n`);
    const { stdout, stderr } = await runCli(['history', '--json'], { env: { QBANK_HOME: qhome } });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toHaveLength(1);
  });
});

describe('qbank history --export', () => {
  it('reports a full disk in one line, exit 2, and leaves no file', async () => {
    const qhome = home();
    writeFileSync(historyFile(qhome), `${JSON.stringify(attemptRecord())}\n`);
    disk.full = true;
    let result;
    try {
      result = await runCli(['history', '--export', 'out.json'], { env: { QBANK_HOME: qhome }, cwd: qhome });
    } finally {
      disk.full = false;
    }
    expect(result.stderr).toBe('qbank: Cannot write out.json: the disk is full\n');
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(existsSync(path.join(qhome, 'out.json'))).toBe(false);
  });
});
