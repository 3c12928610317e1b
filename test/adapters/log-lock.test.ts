import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { JsonlLog } from '../../src/adapters/jsonl-log.js';
import { REPO_ROOT } from '../helpers/fixtures.js';

const Record = z.object({ v: z.literal(1), n: z.number() });
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-lock-'));
  file = path.join(dir, 'history.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lock = () => `${file}.lock`;
/** An hour from now: a lock this fresh is never old enough to be taken over by its age. */
const future = () => new Date(Date.now() + 3600_000);

describe('the lock of a log', () => {
  it('is taken over at once when the process holding it was killed', async () => {
    const script = path.join(dir, 'hold-lock.mjs');
    writeFileSync(script, `
      import { lockLog } from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'adapters', 'log-lock.js'))};
      await lockLog(process.argv[2]);
      process.stdout.write('locked\\n');
      setInterval(() => {}, 1000);
    `);
    const child = spawn(process.execPath, [script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
      child.on('exit', () => reject(new Error('the child ended before it held the lock')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(existsSync(lock())).toBe(true);
    // Fresh for an hour: only seeing that its owner is dead can free it.
    utimesSync(lock(), future(), future());
    const log = new JsonlLog(file, Record);
    await log.append({ v: 1, n: 1 });
    expect((await log.read()).records).toEqual([{ v: 1, n: 1 }]);
    expect(existsSync(lock())).toBe(false);
  });

  it('is waited for while its owner runs, not taken over', async () => {
    writeFileSync(lock(), JSON.stringify({ pid: process.pid, host: os.hostname(), token: 'someone-else', at: new Date().toISOString() }));
    utimesSync(lock(), future(), future());
    let released = false;
    setTimeout(() => {
      released = true;
      void unlink(lock());
    }, 300);
    await new JsonlLog(file, Record).append({ v: 1, n: 1 });
    expect(released).toBe(true);
  });

  it.each([
    ['a lock from another host', () => writeFileSync(lock(), JSON.stringify({ pid: 1, host: 'elsewhere.example', token: 't', at: '2026-01-01T00:00:00Z' }))],
    ['a lock that was never written', () => writeFileSync(lock(), '')],
    ['the lock folder of an older qbank (proper-lockfile)', () => mkdirSync(lock())],
  ])('is taken over once it is older than the stale time: %s', async (_name, make) => {
    make();
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock(), old, old);
    await new JsonlLog(file, Record).append({ v: 1, n: 1 });
    expect(existsSync(lock())).toBe(false);
  });
});
