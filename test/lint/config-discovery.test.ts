import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/fixtures.js';

/**
 * Which `qbank.config.json` / `.qbankrc.json` lint uses: the nearest one from the working folder
 * up to the repository root (the folder holding `.git`), or outside a repository up to the bank
 * folder; never one in a parent of either, such as a stray file in /tmp or the home folder.
 */

let top: string;
let cache: string;
beforeEach(() => {
  top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'qbank-config-search-')));
  cache = mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-'));
  // The stray file: every rule it can turn off, off.
  writeFileSync(path.join(top, 'qbank.config.json'), JSON.stringify({ rules: { 'frontmatter-unknown-key': 'off' } }));
});
afterEach(() => {
  rmSync(top, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

function write(relative: string, text: string): string {
  const file = path.join(top, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

interface Report {
  diagnostics: Array<{ ruleId: string; severity: string }>;
}

async function lint(cwd: string, args: string[]) {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd: path.join(top, cwd), env: { QBANK_CACHE: cache } });
  const report = JSON.parse(result.stdout) as Report;
  return { ...result, unknownKey: report.diagnostics.find((d) => d.ruleId === 'frontmatter-unknown-key')?.severity ?? 'none' };
}

describe('finding the lint config', () => {
  it('ignores a stray config in a parent of the repository', async () => {
    mkdirSync(path.join(top, 'repo', '.git'), { recursive: true });
    write('repo/questions/q.md', fixture('valid-subjective.md'));
    expect((await lint('repo', ['questions'])).unknownKey).toBe('warning');
    expect((await lint('repo/questions', ['q.md'])).unknownKey).toBe('warning');
  });

  it('uses the config at the repository root from a folder below it, and a nearer one before it', async () => {
    mkdirSync(path.join(top, 'repo', '.git'), { recursive: true });
    write('repo/qbank.config.json', JSON.stringify({ rules: { 'frontmatter-unknown-key': 'error' } }));
    write('repo/questions/raft/q.md', fixture('valid-subjective.md'));
    expect((await lint('repo/questions/raft', ['q.md'])).unknownKey).toBe('error');
    write('repo/questions/.qbankrc.json', JSON.stringify({ rules: { 'frontmatter-unknown-key': 'off' } }));
    expect((await lint('repo/questions/raft', ['q.md'])).unknownKey).toBe('none');
  });

  it('treats a .git file (a worktree or submodule) as a repository root too', async () => {
    write('repo/.git', 'gitdir: /elsewhere/.git/worktrees/repo\n');
    write('repo/q.md', fixture('valid-subjective.md'));
    expect((await lint('repo', ['q.md'])).unknownKey).toBe('warning');
  });

  it('outside a repository, looks up to the bank folder and no further', async () => {
    write('bank/raft/q.md', fixture('valid-subjective.md'));
    expect((await lint('bank/raft', ['--bank', '..'])).unknownKey).toBe('warning');
    expect((await lint('bank', ['raft'])).unknownKey).toBe('warning');
    write('bank/qbank.config.json', JSON.stringify({ rules: { 'frontmatter-unknown-key': 'error' } }));
    expect((await lint('bank/raft', ['--bank', '..'])).unknownKey).toBe('error');
  });

  it('names the config it used, or says there was none, with --debug', async () => {
    mkdirSync(path.join(top, 'repo', '.git'), { recursive: true });
    write('repo/questions/q.md', fixture('valid-subjective.md'));
    const none = await lint('repo/questions', ['--debug', 'q.md']);
    expect(none.stderr).toContain(`qbank: debug: no config file from ${path.join(top, 'repo', 'questions')} up to the repository root ${path.join(top, 'repo')}; default settings\n`);
    const config = write('repo/qbank.config.json', JSON.stringify({ rules: { 'frontmatter-unknown-key': 'error' } }));
    const found = await lint('repo/questions', ['--debug', 'q.md']);
    expect(found.stderr).toContain(`qbank: debug: config ${config} (the nearest from ${path.join(top, 'repo', 'questions')} up to the repository root ${path.join(top, 'repo')})\n`);
    const given = await lint('repo/questions', ['--debug', '--config', '../../qbank.config.json', 'q.md']);
    expect(given.stderr).toContain(`qbank: debug: config ${path.join(top, 'qbank.config.json')} (given with --config)\n`);
    expect(given.unknownKey).toBe('none');
    expect((await lint('repo/questions', ['q.md'])).stderr).toBe('');
  });
});
