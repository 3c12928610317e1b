import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixture, mutated } from '../helpers/fixtures.js';

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-entries-'));
  cache = mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-'));
  // Findings of every kind: warnings, a bank rule across two files (needs the entries), a broken file.
  writeFileSync(path.join(dir, 'a.md'), fixture('valid-subjective.md'));
  writeFileSync(path.join(dir, 'b.md'), fixture('valid-subjective.md'));
  writeFileSync(path.join(dir, 'c.md'), fixture('valid-mcq.md'));
  writeFileSync(path.join(dir, 'd.md'), mutated([['level: L3', 'level: L9']]));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

const lint = (...args: string[]) => runCli(['lint', '--format', 'json', ...args, '.'], { cwd: dir, env: { QBANK_CACHE: cache } });

function cacheFile(): string {
  const folder = path.join(cache, 'lint');
  return path.join(folder, readdirSync(folder)[0] as string);
}

type Entry = Record<string, unknown>;
const valid = { ruleId: 'todo', severity: 'warning', message: 'planted', line: 1, column: 1 };

/** Each field of a stored entry, broken in a way an old version, a bug or a disk could leave it. */
const corruptions: Array<[string, (entry: Entry) => unknown]> = [
  ['the entry is null', () => null],
  ['the entry is a string', () => 'garbage'],
  ['the entry is an array', () => []],
  ['hash is a number', (e) => ({ ...e, hash: 42 })],
  ['hash is missing', ({ hash: _hash, ...e }) => e],
  ['deps is a number', (e) => ({ ...e, deps: 3 })],
  ['deps is null', (e) => ({ ...e, deps: null })],
  ['deps is a string', (e) => ({ ...e, deps: 'x' })],
  ['deps holds a number', (e) => ({ ...e, deps: [7] })],
  ['deps holds a pair of the wrong types', (e) => ({ ...e, deps: [[1, 'yes']] })],
  ['deps is missing', ({ deps: _deps, ...e }) => e],
  ['diagnostics is a string', (e) => ({ ...e, diagnostics: 'oops' })],
  ['diagnostics is null', (e) => ({ ...e, diagnostics: null })],
  ['diagnostics holds null', (e) => ({ ...e, diagnostics: [null] })],
  ['diagnostics holds a string', (e) => ({ ...e, diagnostics: ['todo'] })],
  ['diagnostics holds an empty object', (e) => ({ ...e, diagnostics: [{}] })],
  ['a diagnostic line is a string', (e) => ({ ...e, diagnostics: [{ ...valid, line: '1' }] })],
  ['a diagnostic line is 0', (e) => ({ ...e, diagnostics: [{ ...valid, line: 0 }] })],
  ['a diagnostic severity is unknown', (e) => ({ ...e, diagnostics: [{ ...valid, severity: 'fatal' }] })],
  ['a diagnostic message is missing', (e) => ({ ...e, diagnostics: [{ ...valid, message: undefined }] })],
  ['a diagnostic fix is garbage', (e) => ({ ...e, diagnostics: [{ ...valid, fix: 'x' }] })],
  ['entry is null', (e) => ({ ...e, entry: null })],
  ['entry is a string', (e) => ({ ...e, entry: 'x' })],
  ['entry id is a number', (e) => ({ ...e, entry: { ...(e.entry as object), id: 5 } })],
  ['entry idSpan is missing', (e) => ({ ...e, entry: { ...(e.entry as object), idSpan: undefined } })],
  ['entry questionSpan is garbage', (e) => ({ ...e, entry: { ...(e.entry as object), questionSpan: { start: 1 } } })],
  ['entry signature is a number', (e) => ({ ...e, entry: { ...(e.entry as object), signature: 12 } })],
  ['entry disabled is a string', (e) => ({ ...e, entry: { ...(e.entry as object), disabled: 'todo' } })],
];

describe('the lint cache, entry by entry', () => {
  it.each(corruptions)('treats an entry as a miss when %s, giving what --no-cache gives', async (_name, corrupt) => {
    const fresh = await lint('--no-cache');
    expect(fresh.code).toBe(1);
    expect((await lint()).stdout).toBe(fresh.stdout);
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { files: Record<string, Entry> };
    // Only entries with a bank entry (question files) take `entry` corruptions; break every one.
    for (const [file, entry] of Object.entries(stored.files)) stored.files[file] = corrupt(entry) as Entry;
    writeFileSync(cacheFile(), JSON.stringify(stored));
    const again = await lint();
    expect(again.stderr).toBe('');
    expect(again.code).toBe(fresh.code);
    expect(again.stdout).toBe(fresh.stdout);
    // The entries are rewritten good: the next run is served from the cache again, still the same.
    expect((await lint()).stdout).toBe(fresh.stdout);
  });

  it.each([
    ['files is null', { files: null }],
    ['files is an array', { files: [] }],
    ['files is a string', { files: 'x' }],
    ['format is a string', { format: '1' }],
    ['the file is not JSON', undefined],
  ])('starts afresh when %s', async (_name, patch) => {
    const fresh = await lint('--no-cache');
    await lint();
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8')) as object;
    writeFileSync(cacheFile(), patch === undefined ? '{"format": 1, "files": {' : JSON.stringify({ ...stored, ...patch }));
    const again = await lint();
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(fresh.stdout);
  });

  it('uses an entry that is valid (so the cases above test the check, not a cache that is never read)', async () => {
    await lint();
    const stored = JSON.parse(readFileSync(cacheFile(), 'utf8')) as { files: Record<string, { diagnostics: unknown[] }> };
    for (const entry of Object.values(stored.files)) entry.diagnostics.push(valid);
    writeFileSync(cacheFile(), JSON.stringify(stored));
    const report = JSON.parse((await lint()).stdout) as { diagnostics: Array<{ file: string; message: string }> };
    expect(report.diagnostics.filter((d) => d.message === 'planted').map((d) => d.file)).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });
});
