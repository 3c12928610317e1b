import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type SessionRecord } from '../../src/core/interview/records.js';
import { HAS_SCRIPT, jsonLines, startKillable, until, type Killable } from '../helpers/killable.js';
import { workspace } from './helpers.js';

const NOTES = [
  'Candidate: the primary holds every packet until the backup acknowledges the log entry.',
  'That costs a network round trip on each reply.',
  'Without it, a crash after replying leaves the backup behind what the client saw.',
  'A backup that takes over must agree with every output already seen.',
  'Asked about disks: same rule for writes.',
];

let ws: ReturnType<typeof workspace>;
beforeAll(() => {
  ws = workspace();
});
afterAll(() => ws.cleanup());

/** The session log of the only interview in `home`, replayed. */
function typedSoFar(home: string): string[] {
  const dir = path.join(home, 'interviews');
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  if (files.length !== 1) return [];
  const state = replay(jsonLines<SessionRecord>(path.join(dir, files[0]!)));
  return state?.draft?.typed?.lines ?? [];
}

function logRecords(home: string): SessionRecord[] {
  const dir = path.join(home, 'interviews');
  const file = readdirSync(dir).find((f) => f.endsWith('.jsonl'));
  return file ? jsonLines<SessionRecord>(path.join(dir, file)) : [];
}

const env = (home: string) => ({ QBANK_HOME: home, QBANK_BANK: ws.bank });

/** Types each batch of lines (a batch of several is a paste), waiting until it is saved. */
async function typeBatches(run: Killable, home: string, batches: string[][], before: number): Promise<void> {
  let total = before;
  for (const batch of batches) {
    run.type(batch.join('\r'));
    total += batch.length;
    await until(() => typedSoFar(home).length === total, () => `${typedSoFar(home).length} of ${total} lines saved; screen: ${run.output().slice(-600)}`);
  }
}

describe.runIf(HAS_SCRIPT)('interview notes survive a kill at any line (on a real pseudo-terminal)', () => {
  it.each([
    ['after the first line', [[NOTES[0]!]], [[NOTES[1]!], [NOTES[2]!, NOTES[3]!]]],
    ['after a paste of three lines', [[NOTES[0]!, NOTES[1]!, NOTES[2]!]], [[NOTES[3]!]]],
    ['after the third of three typed lines', [[NOTES[0]!], [NOTES[1]!], [NOTES[2]!]], [[NOTES[3]!], [NOTES[4]!]]],
  ])('killed %s, resumed with the notes so far, killed again: every line there once, in order', async (_, first, second) => {
    const home = path.join(ws.root, `home-${Math.random().toString(36).slice(2)}`);
    const run1 = startKillable(['interview', '--candidate', 'Ana Lima', '--plan', ws.plan], env(home), true);
    await until(() => run1.output().includes('Heard so far'), () => run1.output().slice(-600));
    await typeBatches(run1, home, first, 0);
    await run1.kill();
    const typed1 = first.flat();
    expect(typedSoFar(home)).toEqual(typed1);

    const run2 = startKillable(['interview', '--resume'], env(home), true);
    await until(() => run2.output().includes(`${typed1.length} line${typed1.length === 1 ? '' : 's'} typed before, kept`), () => run2.output().slice(-600));
    // The resumed prompt shows the notes so far.
    for (const line of typed1) expect(run2.output()).toContain(line.slice(0, 40));
    await typeBatches(run2, home, second, typed1.length);
    await run2.kill();
    const all = [...typed1, ...second.flat()];
    expect(typedSoFar(home)).toEqual(all);

    // Once more: end the notes; the notes submitted are all the lines, in order, once each.
    const run3 = startKillable(['interview', '--resume'], env(home), true);
    await until(() => run3.output().includes('typed before, kept'), () => run3.output().slice(-600));
    run3.type('.');
    await until(() => logRecords(home).some((r) => r.type === 'draft' && r.draft.phase === 'concepts'), () => run3.output().slice(-600));
    await run3.kill();
    const submitted = logRecords(home).filter((r) => r.type === 'draft' && r.draft.phase === 'concepts');
    expect(submitted.map((r) => (r.type === 'draft' ? r.draft.notes : ''))).toEqual([all.join('\n')]);
  }, 90_000);
});

describe.runIf(HAS_SCRIPT)('notes typed at a terminal, then a script', () => {
  it('a session resumed with a script keeps the typed lines and adds the script notes after them', async () => {
    const home = path.join(ws.root, `home-${Math.random().toString(36).slice(2)}`);
    const run = startKillable(['interview', '--candidate', 'Ana Lima', '--plan', ws.plan], env(home), true);
    await until(() => run.output().includes('Heard so far'), () => run.output().slice(-600));
    await typeBatches(run, home, [[NOTES[0]!], [NOTES[1]!]], 0);
    await run.kill();
    const { runBin } = await import('../helpers/cli.js');
    const resumed = runBin(['interview', '--resume'], { env: env(home), input: `notes: ${NOTES[2]}\n---\nnotes: More workers is better.\n---\ndecision: confirm\n` });
    expect(resumed.code).toBe(0);
    const outcome = logRecords(home).find((r) => r.type === 'question' && r.outcome.index === 0);
    expect(outcome?.type === 'question' && outcome.outcome.notes).toBe(NOTES.slice(0, 3).join('\n'));
  }, 90_000);
});
