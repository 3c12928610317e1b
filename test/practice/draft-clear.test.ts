import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { practiceBank } from '../helpers/practice-bank.js';

// A draft that cannot be deleted: unlink of practice-draft.jsonl fails as on a read-only folder.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const unlink = async (file: Parameters<typeof actual.unlink>[0]) => {
    if (String(file).endsWith('practice-draft.jsonl')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return actual.unlink(file);
  };
  return { ...actual, unlink, default: { ...actual, unlink } };
});

const workspace = practiceBank('qbank-draft-clear-');

describe('a draft that cannot be deleted once its answer is saved', () => {
  it('is a warning: the answer is saved and the session goes on', async () => {
    const home = workspace.home();
    const draft = path.join(home, 'practice-draft.jsonl');
    writeFileSync(
      draft,
      `${JSON.stringify({ v: 1, type: 'start', at: '2026-01-01T00:00:00.000Z', questionId: 'fixture-output-rule-L3-001', title: 'T', stage: 'answer' })}\n${JSON.stringify({ v: 1, type: 'lines', at: '2026-01-01T00:00:01.000Z', from: 0, lines: ['kept'] })}\n`,
    );
    const run = await runCli(['practice', '--bank', workspace.bank], { env: { QBANK_HOME: home }, stdin: 'more\n---\n:quit\n' });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^qbank: warning: the draft of the saved answer could not be deleted \(.*practice-draft\.jsonl: permission denied.*\); decline it when the next practice offers it\n$/);
    expect(existsSync(draft)).toBe(true);
    const history = await runCli(['history', '--json'], { env: { QBANK_HOME: home } });
    expect((JSON.parse(history.stdout) as Array<{ answer: string }>).map((a) => a.answer)).toEqual(['kept\nmore']);
  });
});
