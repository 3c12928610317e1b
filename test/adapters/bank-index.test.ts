import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBank, bankIndexFile } from '../../src/adapters/load-bank.js';
import { STRUCTURAL_BANK_RULES } from '../../src/core/bank/bank.js';
import { runCli } from '../helpers/cli.js';
import { fixture, mutated } from '../helpers/fixtures.js';

/**
 * The bank index: what each file of a bank gave when last read, so a warm bank is a stat per
 * file. Correctness first: whatever the index holds, a command prints what it would print with
 * no index at all.
 */

let dir: string;
let cache: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-bank-index-'));
  cache = mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-'));
  write('raft/a.md', fixture('valid-subjective.md'));
  write('raft/b.md', fixture('valid-mcq.md'));
  write('perf/c.md', mutated([['id: fixture-littles-law-L3-001', 'id: fixture-other-L3-002']]));
  // Broken: kept out of the bank, with its reason.
  write('perf/d.md', '---\nid: [unclosed\n---\n');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

function write(relative: string, text: string): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Files written a moment ago are checked by content, not stat (a change in the same tick hides): age them. */
function age(file: string, seconds = 60): void {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(file, when, when);
}

function ageAll(): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) age(path.join(entry.parentPath, entry.name));
}

const env = (cacheDir = cache) => ({ QBANK_CACHE: cacheDir });
const qbank = (args: string[], cacheDir = cache, cwd = dir) => runCli([...args, '--bank', dir], { cwd, env: env(cacheDir) });
const fresh = (args: string[]) => qbank(args, mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-')));

interface Listed {
  id: string;
  title: string;
  file: string;
}
const listed = async (cacheDir = cache, cwd = dir) => JSON.parse((await qbank(['list', '--json'], cacheDir, cwd)).stdout) as Listed[];

type Entry = { size: number; mtimeMs: number; ctimeMs: number; seenAt: number; hash: string; id?: string; summary?: string; blocking?: unknown[] };
type Summary = { title: string; frontmatter: Record<string, unknown>; [key: string]: unknown };

/** An entry with its summary (kept as JSON text) changed by `change`. */
function withSummary(entry: Entry, change: (summary: Summary) => unknown): Entry {
  return { ...entry, summary: JSON.stringify(change(JSON.parse(entry.summary ?? '{}') as Summary)) };
}
function indexFile(): string {
  return bankIndexFile(env(), [dir]);
}
function readIndex(): { format: number; key: string; files: Record<string, Entry> } {
  return JSON.parse(readFileSync(indexFile(), 'utf8')) as ReturnType<typeof readIndex>;
}
function editIndex(edit: (files: Record<string, Entry>) => void): void {
  const index = readIndex();
  edit(index.files);
  writeFileSync(indexFile(), JSON.stringify(index));
}
const entryOf = (files: Record<string, Entry>, relative: string) => files[path.join(dir, relative)] as Entry;

/**
 * As if the index had been written well after the files last changed (a test cannot wait out
 * the racy window, and setting times changes a file's ctime): its stats are then trusted.
 */
function settle(): void {
  editIndex((files) => {
    for (const entry of Object.values(files)) entry.seenAt = Math.max(entry.mtimeMs, entry.ctimeMs) + 10_000;
  });
}

describe('the bank index', () => {
  it('serves an unchanged file from the index, without reading it', async () => {
    ageAll();
    await listed();
    settle();
    editIndex((files) => {
      files[path.join(dir, 'raft', 'a.md')] = withSummary(entryOf(files, 'raft/a.md'), (summary) => ({ ...summary, title: 'planted' }));
    });
    expect((await listed()).find((q) => q.file === path.join('raft', 'a.md'))?.title).toBe('planted');
  });

  it('reads a changed file again, even when its size and modification time are kept', async () => {
    const file = path.join(dir, 'raft', 'a.md');
    ageAll();
    const before = await listed();
    settle();
    const title = before.find((q) => q.file === path.join('raft', 'a.md'))?.title as string;
    const { mtime, size } = statSync(file);
    const renamed = title.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z'));
    writeFileSync(file, readFileSync(file, 'utf8').replace(title, renamed));
    utimesSync(file, mtime, mtime);
    expect(statSync(file).size).toBe(size);
    expect((await listed()).find((q) => q.file === path.join('raft', 'a.md'))?.title).toBe(renamed);
    const shown = await qbank(['show', 'fixture-littles-law-L3-001']);
    expect(shown.stdout).toContain(renamed);
  });

  it('checks by content a file whose stat was taken too soon after it changed, and trusts the content', async () => {
    ageAll();
    await listed();
    // The stat matches, but was recorded within a timestamp tick of the change: not to be trusted.
    editIndex((files) => {
      const entry = entryOf(files, 'raft/a.md');
      entry.seenAt = entry.mtimeMs + 500;
      files[path.join(dir, 'raft', 'a.md')] = withSummary(entry, (summary) => ({ ...summary, title: 'planted' }));
      entryOf(files, 'raft/b.md').seenAt = entryOf(files, 'raft/b.md').mtimeMs;
      files[path.join(dir, 'raft', 'b.md')] = withSummary(entryOf(files, 'raft/b.md'), (summary) => ({ ...summary, title: 'planted by content' }));
      entryOf(files, 'raft/b.md').hash = 'stale';
    });
    // a.md: the same content hash, so its entry is used (the planted title shows it); b.md: read again.
    const expected = (JSON.parse((await fresh(['list', '--json'])).stdout) as Listed[]).map((q) => (q.file === path.join('raft', 'a.md') ? { ...q, title: 'planted' } : q));
    expect(await listed()).toEqual(expected);
  });

  it('forgets a deleted file and finds a new one', async () => {
    ageAll();
    expect((await listed()).map((q) => q.id)).toContain('fixture-mcq-tail-latency-001');
    unlinkSync(path.join(dir, 'raft', 'b.md'));
    write('raft/e.md', mutated([['id: fixture-littles-law-L3-001', 'id: fixture-new-L3-003']]));
    expect((await listed()).map((q) => q.id)).toEqual(['fixture-littles-law-L3-001', 'fixture-new-L3-003', 'fixture-other-L3-002']);
    const shown = await qbank(['show', 'fixture-mcq-tail-latency-001']);
    expect(shown.code).toBe(2);
    expect(shown.stderr).toMatch(/No question with id "fixture-mcq-tail-latency-001"/);
    expect(Object.keys(readIndex().files)).not.toContain(path.join(dir, 'raft', 'b.md'));
  });

  it('names files from the working folder of each run, whichever run wrote the index', async () => {
    ageAll();
    await listed();
    const from = path.join(dir, 'raft');
    expect((await listed(cache, from)).map((q) => q.file)).toEqual((await listed(mkdtempSync(path.join(os.tmpdir(), 'qbank-cache-')), from)).map((q) => q.file));
    expect((await listed(cache, from)).map((q) => q.file)).toContain('a.md');
  });

  it('keeps a broken file out with its errors, and a duplicate id, warm as cold', async () => {
    write('raft/dup.md', fixture('valid-subjective.md'));
    ageAll();
    const cold = await loadBank([dir], dir, { index: indexFile() });
    const warm = await loadBank([dir], dir, { index: indexFile() });
    const none = await loadBank([dir], dir);
    for (const bank of [cold, warm]) {
      expect(bank.diagnostics).toEqual(none.diagnostics);
      expect(bank.skippedFiles).toEqual(none.skippedFiles);
      expect(bank.summaries).toEqual(none.summaries);
    }
    expect(warm.skippedFiles).toEqual([path.join('perf', 'd.md'), path.join('raft', 'dup.md')]);
    expect(warm.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      [path.join('perf', 'd.md'), 'frontmatter-yaml'],
      [path.join('raft', 'a.md'), 'id-duplicate'],
      [path.join('raft', 'dup.md'), 'id-duplicate'],
    ]);
    expect(warm.get('fixture-littles-law-L3-001')).toEqual(none.get('fixture-littles-law-L3-001'));
    const listedWarm = await qbank(['list']);
    expect(listedWarm.stderr).toMatch(/^qbank: 2 files in the bank have errors and were left out: perf\/d\.md, raft\/dup\.md/);
  });

  it('works, and prints the same, when the cache folder cannot be written', async () => {
    const blocked = path.join(cache, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const result = await qbank(['list', '--json'], blocked);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe((await fresh(['list', '--json'])).stdout);
    expect((await qbank(['show', 'fixture-other-L3-002'], blocked)).code).toBe(0);
  });
});

describe('the bank', () => {
  it('reads summaries only for duplicate ids, which holds while id-duplicate is the one structural bank rule', () => {
    expect(STRUCTURAL_BANK_RULES.map((rule) => rule.id)).toEqual(['id-duplicate']);
  });
});

describe('a damaged bank index', () => {
  const corruptions: Array<[string, (entry: Entry) => unknown]> = [
    ['the entry is null', () => null],
    ['the entry is a string', () => 'x'],
    ['size is a string', (e) => ({ ...e, size: String(e.size) })],
    ['hash is missing', ({ hash: _hash, ...e }) => e],
    ['seenAt is null', (e) => ({ ...e, seenAt: null })],
    ['blocking is a string', (e) => ({ ...e, blocking: 'x' })],
    ['blocking holds garbage', (e) => ({ ...e, blocking: [{ ruleId: 1 }] })],
    ['id is a number', (e) => ({ ...e, id: 7 })],
    ['id is there without a summary', ({ summary: _summary, ...e }) => ({ ...e, id: 'fixture-x' })],
    ['a broken file has an id', (e) => (e.blocking ? { ...e, id: 'fixture-x', summary: '{}' } : e)],
    ['a served file has no id', ({ id: _id, ...e }) => e],
    ['summary is an object', (e) => ({ ...e, summary: JSON.parse(e.summary ?? 'null') as unknown })],
    ['summary is not JSON', (e) => (e.summary ? { ...e, summary: '{"type": "subj' } : e)],
    ['summary is JSON null', (e) => (e.summary ? { ...e, summary: 'null' } : e)],
    ['summary has no frontmatter', (e) => (e.summary ? withSummary(e, (summary) => ({ ...summary, frontmatter: undefined })) : e)],
    ['summary type is unknown', (e) => (e.summary ? withSummary(e, (summary) => ({ ...summary, type: 'essay' })) : e)],
    ['summary level is not a level', (e) => (e.summary ? withSummary(e, (summary) => ({ ...summary, frontmatter: { ...summary.frontmatter, level: 'L9' } })) : e)],
    ['summary idSpan is garbage', (e) => (e.summary ? withSummary(e, (summary) => ({ ...summary, idSpan: { start: 0 } })) : e)],
    ['summary is of another question', (e) => (e.summary ? withSummary(e, (summary) => ({ ...summary, frontmatter: { ...summary.frontmatter, id: 'fixture-someone-else' } })) : e)],
  ];

  it.each(corruptions)('ignores an entry when %s', async (_name, corrupt) => {
    ageAll();
    await listed();
    editIndex((files) => {
      for (const key of Object.keys(files)) files[key] = corrupt(files[key] as Entry) as Entry;
    });
    const expected = await fresh(['list', '--json']);
    const again = await qbank(['list', '--json']);
    expect(again.stderr).toBe(expected.stderr);
    expect(again.stdout).toBe(expected.stdout);
    expect((await qbank(['show', 'fixture-other-L3-002'])).stdout).toBe((await fresh(['show', 'fixture-other-L3-002'])).stdout);
  });

  it.each([
    ['not JSON', '{"format": 1, "files": {'],
    ['null', 'null'],
    ['files an array', JSON.stringify({ format: 1, files: [] })],
    ['an empty file', ''],
  ])('ignores an index that is %s', async (_name, text) => {
    ageAll();
    await listed();
    writeFileSync(indexFile(), text);
    const again = await qbank(['list', '--json']);
    expect(again.stderr).toBe((await fresh(['list', '--json'])).stderr);
    expect(again.stdout).toBe((await fresh(['list', '--json'])).stdout);
    // …and writes a good one in its place.
    expect(Object.keys(readIndex().files)).toHaveLength(4);
  });
});
