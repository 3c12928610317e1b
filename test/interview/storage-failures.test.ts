import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SessionRecordSchema } from '../../src/core/interview/records.js';
import { runCli } from '../helpers/cli.js';
import { fullDiskAfter } from '../helpers/full-disk.js';
import { INTERVIEW_FIXTURES, meta, workspace } from './helpers.js';

let ws: ReturnType<typeof workspace>;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.cleanup());

const tmp = () => path.join(ws.root, 'tmp');
const env = () => ({ QBANK_HOME: ws.home, QBANK_BANK: ws.bank, TMPDIR: tmp() });
const interviews = () => path.join(ws.home, 'interviews');
const sessionFiles = () => (existsSync(interviews()) ? readdirSync(interviews()).filter((f) => f.endsWith('.jsonl')) : []);
const script = path.join(INTERVIEW_FIXTURES, 'full-script.yaml');

async function interviewOnFullDisk(succeeding: number) {
  const full = await fullDiskAfter(succeeding);
  try {
    return await runCli(['interview', '--candidate', 'Ana Lima', '--plan', ws.plan, '--script', script], { env: env(), cwd: ws.root });
  } finally {
    full.mockRestore();
  }
}

describe('an interview on a disk that fills up', () => {
  it('leaves no empty session file when even the first record cannot be saved', async () => {
    const result = await interviewOnFullDisk(0);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^qbank: Cannot save to .*interviews.\S*ana-lima\.jsonl: the disk is full; this step of the interview is kept in /);
    expect(sessionFiles()).toEqual([]);
  });

  let session = '';
  it('keeps the step it could not save in the temp folder, and cuts the session back to its last whole record', async () => {
    const earlier = new Set(readdirSync(tmp()));
    const result = await interviewOnFullDisk(3);
    expect(result.code).toBe(2);
    const [name] = sessionFiles();
    session = path.join(interviews(), name!);
    const kept = readdirSync(tmp()).filter((f) => !earlier.has(f)).map((f) => path.join(tmp(), f));
    expect(kept).toHaveLength(1);
    expect(result.stderr).toBe(
      `qbank: Cannot save to ${session}: the disk is full; this step of the interview is kept in ${kept[0]} (once ${name} can be written again, add it back: cat ${kept[0]} >> ${session}); set QBANK_HOME to a folder you can write\n`,
    );
    const text = readFileSync(session, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(SessionRecordSchema.safeParse(JSON.parse(line)).success).toBe(true);
    expect(SessionRecordSchema.safeParse(JSON.parse(readFileSync(kept[0]!, 'utf8'))).success).toBe(true);
    const list = await runCli(['interview', '--list'], { env: env() });
    expect(list.stderr).toBe('');
    expect(list.stdout).toMatch(/0 of 2 done/);
  });

  it('checks that a resumed session can be saved before it asks anything', async () => {
    expect(session).not.toBe('');
    // Held by a live process on another host: it cannot be checked, so it is waited for, then reported.
    writeFileSync(`${session}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere.example', token: 't', at: new Date().toISOString() }));
    const later = new Date(Date.now() + 3600_000);
    utimesSync(`${session}.lock`, later, later);
    const id = path.basename(session, '.jsonl');
    // The wait is shortened for the test; it is 10 s otherwise.
    process.env.QBANK_LOCK_WAIT_MS = '500';
    const result = await runCli(['interview', '--resume', id, '--script', script], { env: env(), cwd: ws.root }).finally(() => delete process.env.QBANK_LOCK_WAIT_MS);
    expect(result.stdout).not.toMatch(/Why the Primary Waits/);
    expect(result.stderr).toMatch(new RegExp(`^qbank: Cannot save to ${session.replace(/[.]/g, '\\.')}: another qbank process \\(pid 1 on elsewhere\\.example\\) has held .*\\.lock for over 0\\.5 s; set QBANK_HOME to a folder you can write\\n$`));
    expect(result.code).toBe(2);
  }, 60_000);
});

describe('reading a session log', () => {
  it('skips a record whose date is not a date, with a warning naming the line', async () => {
    const home = mkdtempSync(path.join(ws.root, 'dates-'));
    mkdirSync(path.join(home, 'interviews'));
    const file = path.join(home, 'interviews', 's1.jsonl');
    const start = { v: 1, type: 'start', at: '2026-03-02T10:00:00.000Z', session: meta() };
    const draft = { v: 1, type: 'draft', at: 'yesterday', draft: { index: 0, phase: 'notes', startedAt: '2026-03-02T10:00:00.000Z' } };
    writeFileSync(file, `${JSON.stringify(start)}\n${JSON.stringify(draft)}\n`);
    const { stderr } = await runCli(['scorecard', 's1'], { env: { QBANK_HOME: home, QBANK_BANK: ws.bank } });
    expect(stderr.split('\n')[0]! + '\n').toBe(`qbank: warning: ${file}:2: "at" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got "yesterday"); skipped\n`);
  });
});
