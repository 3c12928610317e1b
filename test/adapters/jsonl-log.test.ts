import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonlLog } from '../../src/adapters/jsonl-log.js';
import { REPO_ROOT } from '../helpers/fixtures.js';
import { fullDiskAfter } from '../helpers/full-disk.js';

const Record = z.object({ v: z.literal(1), n: z.number() });
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the JSON Lines log', () => {
  it('appends records and reads them back, creating its folder', async () => {
    const log = new JsonlLog(path.join(dir, 'deep', 'log.jsonl'), Record);
    await log.append({ v: 1, n: 1 });
    await log.append({ v: 1, n: 2 });
    expect(await log.read()).toEqual({ records: [{ v: 1, n: 1 }, { v: 1, n: 2 }], warnings: [] });
  });

  it('reads a missing file as empty', async () => {
    expect(await new JsonlLog(path.join(dir, 'none.jsonl'), Record).read()).toEqual({ records: [], warnings: [] });
  });

  it('skips damaged and unknown-version records with a warning naming the line', async () => {
    const file = path.join(dir, 'log.jsonl');
    writeFileSync(file, ['{"v":1,"n":1}', '{"v":1,"n":', '{"v":2,"n":3}', 'garbage', '{"v":1,"n":5}', ''].join('\n'));
    const { records, warnings } = await new JsonlLog(file, Record).read();
    expect(records).toEqual([{ v: 1, n: 1 }, { v: 1, n: 5 }]);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/log\.jsonl:2: not valid JSON/);
    expect(warnings[1]).toMatch(/log\.jsonl:3: /);
  });

  it('reads a first record behind a byte order mark, and lines ending in \\r\\n', async () => {
    const file = path.join(dir, 'log.jsonl');
    writeFileSync(file, '\uFEFF{"v":1,"n":1}\r\n{"v":1,"n":2}\r\n');
    expect(await new JsonlLog(file, Record).read()).toEqual({ records: [{ v: 1, n: 1 }, { v: 1, n: 2 }], warnings: [] });
  });

  it('skips a record that reuses a unique field, keeping the first, with a warning naming both lines', async () => {
    const file = path.join(dir, 'log.jsonl');
    writeFileSync(file, ['{"v":1,"n":1}', '{"v":1,"n":2}', '{"v":1,"n":1}', ''].join('\n'));
    const log = new JsonlLog(file, Record, { unique: { field: 'n', of: (r) => String(r.n) } });
    const { records, warnings } = await log.read();
    expect(records).toEqual([{ v: 1, n: 1 }, { v: 1, n: 2 }]);
    expect(warnings).toEqual([`${file}:3: n "1" was already used on line 1; skipped (the first record is kept)`]);
  });

  it('starts a fresh line after a record cut short by a kill', async () => {
    const file = path.join(dir, 'log.jsonl');
    const log = new JsonlLog(file, Record);
    await log.append({ v: 1, n: 1 });
    appendFileSync(file, '{"v":1,"n"');
    await log.append({ v: 1, n: 3 });
    const { records, warnings } = await log.read();
    expect(records).toEqual([{ v: 1, n: 1 }, { v: 1, n: 3 }]);
    expect(warnings).toHaveLength(1);
  });

  it('keeps every record when two processes append at once', async () => {
    const file = path.join(dir, 'log.jsonl');
    const script = `
      import { JsonlLog } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'adapters', 'jsonl-log.js'))};
      import { z } from 'zod';
      const log = new JsonlLog(process.argv[2], z.object({ v: z.literal(1), n: z.number(), who: z.string(), pad: z.string() }));
      for (let n = 0; n < 100; n++) await log.append({ v: 1, n, who: process.argv[3], pad: 'x'.repeat(3000) });
    `;
    const scriptFile = path.join(REPO_ROOT, 'node_modules', '.qbank-append-test.mjs');
    writeFileSync(scriptFile, script);
    try {
      const run = (who: string) =>
        new Promise<number>((resolve) => spawn(process.execPath, [scriptFile, file, who], { stdio: 'inherit' }).on('exit', (code) => resolve(code ?? -1)));
      expect(await Promise.all([run('a'), run('b')])).toEqual([0, 0]);
    } finally {
      rmSync(scriptFile, { force: true });
    }
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(200);
    const parsed = lines.map((line) => JSON.parse(line) as { who: string; n: number });
    for (const who of ['a', 'b']) expect(parsed.filter((r) => r.who === who).map((r) => r.n)).toEqual([...Array(100).keys()]);
  }, 60_000);
});

describe('an append that fails on a full disk', () => {
  it('cuts the file back to its size before the append, and keeps the record in the temp folder', async () => {
    const file = path.join(dir, 'log.jsonl');
    const keep = path.join(dir, 'tmp');
    const log = new JsonlLog(file, z.object({ v: z.literal(1), n: z.number(), answer: z.string() }), { keep: { dir: keep, what: 'your answer' } });
    await log.append({ v: 1, n: 1, answer: 'first' });
    const before = readFileSync(file);
    const full = await fullDiskAfter(0);
    let error: Error & { keptIn?: string | null };
    try {
      error = await log.append({ v: 1, n: 2, answer: 'typed with care' }).then(() => new Error('no error'), (e: Error) => e);
    } finally {
      full.mockRestore();
    }
    expect(readFileSync(file)).toEqual(before);
    expect(error.message).toMatch(new RegExp(`^Cannot save to ${file}: the disk is full; your answer is kept in (${keep}/qbank-unsaved-log-\\S+\\.jsonl) \\(once log\\.jsonl can be written again, add it back: cat \\1 >> ${file}\\); set QBANK_HOME to a folder you can write$`));
    const kept = error.keptIn as string;
    expect(JSON.parse(readFileSync(kept, 'utf8'))).toEqual({ v: 1, n: 2, answer: 'typed with care' });
    expect(statSync(kept).mode & 0o777).toBe(0o600);
    expect((await log.read()).warnings).toEqual([]);
  });

  it('says so when the temp folder cannot take the record either', async () => {
    const blocker = path.join(dir, 'plain-file');
    writeFileSync(blocker, 'x');
    const log = new JsonlLog(path.join(dir, 'log.jsonl'), Record, { keep: { dir: path.join(blocker, 'tmp'), what: 'your answer' } });
    const full = await fullDiskAfter(0);
    try {
      await expect(log.append({ v: 1, n: 1 })).rejects.toMatchObject({
        keptIn: null,
        message: expect.stringMatching(/: the disk is full; your answer could not be kept in the temp folder either \(a parent is not a folder\); set QBANK_HOME/),
      });
    } finally {
      full.mockRestore();
    }
    expect(readFileSync(path.join(dir, 'log.jsonl'), 'utf8')).toBe('');
  });

  it('checks that the log can be written, before anything is asked of the user', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await expect(new JsonlLog(path.join(blocker, 'log.jsonl'), Record).checkWritable()).rejects.toThrow(/^Cannot save to .*: a parent is not a folder;/);
    const fine = new JsonlLog(path.join(dir, 'new', 'log.jsonl'), Record);
    await fine.checkWritable();
    expect(existsSync(`${fine.file}.lock`)).toBe(false);
  });
});

describe('a log that cannot be written', () => {
  it('says which file and what to do, instead of a raw system error', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const log = new JsonlLog(path.join(blocker, 'log.jsonl'), Record);
    await expect(log.append({ v: 1, n: 1 })).rejects.toThrow(/^Cannot save to .*not-a-folder.log\.jsonl: a parent is not a folder; set QBANK_HOME to a folder you can write$/);
  });
});

describe('a log that cannot be read', () => {
  it('says which file, instead of a raw system error', async () => {
    const blocker = path.join(dir, 'plain-file');
    writeFileSync(blocker, 'x');
    await expect(new JsonlLog(path.join(blocker, 'log.jsonl'), Record).read()).rejects.toThrow(/^Cannot read .*plain-file.log\.jsonl: a parent is not a folder; set QBANK_HOME to a folder you can read$/);
  });
});
