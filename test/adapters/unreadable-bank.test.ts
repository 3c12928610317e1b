import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { handOver, runBinUnprivileged } from '../helpers/unprivileged.js';

const question = (id: string) => path.join(REPO_ROOT, 'questions', id.split('-')[0] === 'primary' ? 'primary-backup' : id.split('-')[0] as string, `${id}.md`);
const SERVED = 'raft-log-compaction-L4-001';
const LOCKED = 'raft-commit-previous-term-L4-001';
const IN_LOCKED_FOLDER = 'raft-lease-vs-readindex-L5-001';

interface JsonReport {
  files: number;
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }>;
}

let dir: string;
let bank: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-unreadable-'));
  chmodSync(dir, 0o755);
  bank = path.join(dir, 'bank');
  mkdirSync(path.join(bank, 'locked'), { recursive: true });
  copyFileSync(question(SERVED), path.join(bank, `${SERVED}.md`));
  copyFileSync(question(LOCKED), path.join(bank, `${LOCKED}.md`));
  copyFileSync(question(IN_LOCKED_FOLDER), path.join(bank, 'locked', `${IN_LOCKED_FOLDER}.md`));
  mkdirSync(path.join(dir, 'home'));
  env = { QBANK_HOME: path.join(dir, 'home'), QBANK_CACHE: path.join(dir, 'home', 'cache'), QBANK_BANK: bank };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** `chmod 000` on one question file and on the sub-folder, as the issue describes. */
function lockUp(): void {
  handOver(dir);
  chmodSync(path.join(bank, `${LOCKED}.md`), 0o000);
  chmodSync(path.join(bank, 'locked'), 0o000);
}

describe('a bank with an unreadable file and an unreadable folder', () => {
  it('lint reports the file as file-unreadable and the folder as one warning, and checks the rest', () => {
    lockUp();
    const { code, stdout, stderr } = runBinUnprivileged(['lint', '--format', 'json', bank], { env, cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files).toBe(2);
    expect(report.diagnostics.map((d) => [d.file, d.ruleId, d.severity, d.line, d.column])).toEqual([
      [path.join('bank', 'locked'), 'folder-skipped', 'warning', 1, 1],
      [path.join('bank', `${LOCKED}.md`), 'file-unreadable', 'error', 1, 1],
    ]);
    expect(report.diagnostics[1]?.message).toMatch(/^The file cannot be read: permission denied; /);
  });

  it.each([
    [['list', '--json']],
    [['show', SERVED]],
    [['practice', '--id', SERVED]],
  ])('qbank %j serves the readable questions and names what it left out', (args) => {
    lockUp();
    const { code, stdout, stderr } = runBinUnprivileged(args, { env, cwd: dir, input: 'snapshots\n' });
    expect(code).toBe(0);
    expect(stdout).toContain(args[0] === 'list' ? `"id": "${SERVED}"` : 'Keeping a Raft Log from Growing Forever');
    if (args[0] === 'list') expect(stdout).not.toContain(LOCKED);
    expect(stderr).not.toMatch(/internal error|EACCES|scandir/);
    expect(stderr).toContain(`qbank: warning: the folder ${path.join('bank', 'locked')} is left out, with every question in it: it cannot be read (permission denied)\n`);
    expect(stderr).toContain(`qbank: 1 file in the bank has errors and was left out: ${path.join('bank', `${LOCKED}.md`)}`);
  });
});

describe('links, FIFOs and devices under a bank folder', () => {
  it('follows linked files and folders, each real folder once, and reports a loop instead of walking it', async () => {
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    copyFileSync(question('raft-pipelining-nextindex-L5-001'), path.join(elsewhere, 'raft-pipelining-nextindex-L5-001.md'));
    copyFileSync(question('raft-multi-raft-sharding-L6-001'), path.join(dir, 'single.md'));
    symlinkSync(elsewhere, path.join(bank, 'linked-folder'));
    symlinkSync(path.join(dir, 'single.md'), path.join(bank, 'linked.md'));
    symlinkSync('..', path.join(bank, 'locked', 'loop'));
    const list = await runCli(['list', '--json'], { env, cwd: dir });
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ id: string }>).map((q) => q.id).sort()).toEqual(
      [IN_LOCKED_FOLDER, LOCKED, SERVED, 'raft-multi-raft-sharding-L6-001', 'raft-pipelining-nextindex-L5-001'].sort(),
    );
    expect(list.stderr).toBe(
      `qbank: warning: the folder ${path.join('bank', 'locked', 'loop')} is left out, with every question in it: it is a link to ${await realBank()}, a folder already walked (a loop, or a second way in), and was not followed\n`,
    );
    const lint = JSON.parse((await runCli(['lint', '--format', 'json', bank], { env, cwd: dir })).stdout) as JsonReport;
    expect(lint.files).toBe(5);
    expect(lint.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(lint.diagnostics.filter((d) => d.ruleId === 'folder-skipped').map((d) => d.file)).toEqual([path.join('bank', 'locked', 'loop')]);
  });

  it('reports a FIFO or a broken link named like a question file without opening it', async () => {
    execFileSync('mkfifo', [path.join(bank, 'pipe.md')]);
    symlinkSync(path.join(dir, 'gone.md'), path.join(bank, 'broken.md'));
    const lint = await runCli(['lint', '--format', 'json', bank], { env, cwd: dir });
    const report = JSON.parse(lint.stdout) as JsonReport;
    expect(report.diagnostics.filter((d) => d.ruleId === 'file-unreadable').map((d) => [d.file, d.message.replace(/;.*/, '')])).toEqual([
      [path.join('bank', 'broken.md'), 'The file cannot be read: it is a link to a file that cannot be read (no such file or folder)'],
      [path.join('bank', 'pipe.md'), 'The file cannot be read: it is a FIFO (named pipe), and was not opened'],
    ]);
    const list = await runCli(['list', '--json'], { env, cwd: dir });
    expect(list.code).toBe(0);
    expect(list.stderr).toContain('2 files in the bank have errors and were left out');
  });

  it.each([
    ['a FIFO', () => {
      const fifo = path.join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      return [fifo, 'a FIFO (named pipe)'];
    }],
    ['/dev/zero', () => ['/dev/zero', 'a character device']],
  ])('refuses %s named on the command line with one line, never reading it', async (_name, make) => {
    const [target, kind] = make();
    const { code, stdout, stderr } = await runCli(['lint', target as string], { env, cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`qbank: Cannot read ${target}: it is ${kind}, not a question file or folder; qbank does not open it\n`);
  });
});

async function realBank(): Promise<string> {
  const { realpath } = await import('node:fs/promises');
  return realpath(bank);
}

