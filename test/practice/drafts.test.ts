import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayDraft, type DraftRecord } from '../../src/core/practice/draft.js';
import { PracticeSession, type PracticeEffect } from '../../src/core/practice/session.js';
import { fixture } from '../helpers/fixtures.js';
import { practiceBank } from '../helpers/practice-bank.js';
import { HAS_SCRIPT, jsonLines, startKillable, until } from '../helpers/killable.js';
import { subjectiveFrom } from '../helpers/scoring.js';
import { runBin } from '../helpers/cli.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';

const SUBJECTIVE = 'fixture-output-rule-L3-001';
const LINES = ['The primary holds every output', 'until the backup has acknowledged', 'the log entry that produced it,', 'so a takeover never contradicts a client.'];

const workspace = practiceBank('qbank-drafts-');
const home = () => workspace.home();

const draftFile = (qhome: string) => path.join(qhome, 'practice-draft.jsonl');
const draftLines = (qhome: string) => replayDraft(jsonLines<DraftRecord>(draftFile(qhome)))?.lines ?? [];
const attempts = (qhome: string) => jsonLines<{ type: string; answer: string }>(path.join(qhome, 'history.jsonl')).filter((r) => r.type === 'attempt');

/** Types `lines` into a practice session one by one, each saved before the next, then kills it. */
async function typeAndKill(qhome: string, lines: readonly string[], kept: readonly string[], tty = false): Promise<string> {
  const run = startKillable(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { QBANK_HOME: qhome }, tty);
  if (kept.length > 0) {
    await until(() => run.output().includes(tty ? 'Restore your unfinished answer' : 'Restored:'), run.output);
    if (tty) run.type('');
  }
  await until(() => run.output().includes(tty ? 'Your answer' : 'Question 1 of 1'), run.output);
  for (const [i, line] of lines.entries()) {
    run.type(line);
    await until(() => draftLines(qhome).length === kept.length + i + 1, () => `${draftLines(qhome).length} lines saved; ${run.output()}`);
  }
  await run.kill();
  return run.output();
}

describe('a practice answer is kept line by line', () => {
  it.each([1, 2, 4])('killed after %i lines, the next practice restores them and goes on', async (killAfter) => {
    const qhome = home();
    await typeAndKill(qhome, LINES.slice(0, killAfter), []);
    expect(draftLines(qhome)).toEqual(LINES.slice(0, killAfter));
    const next = runBin(['practice', '--bank', workspace.bank], { env: { QBANK_HOME: qhome }, input: `${LINES.slice(killAfter).join('\n')}\n---\n:quit\n` });
    expect(next.stdout).toContain(`Restored: your answer goes on from its ${killAfter} line`);
    // Every line once, in order; and the draft is gone once the answer is saved.
    expect(attempts(qhome).map((a) => a.answer)).toEqual([LINES.join('\n')]);
    expect(existsSync(draftFile(qhome))).toBe(false);
  }, 60_000);

  it('killed twice (before and after a restore), nothing is lost or doubled', async () => {
    const qhome = home();
    await typeAndKill(qhome, LINES.slice(0, 1), []);
    await typeAndKill(qhome, LINES.slice(1, 3), LINES.slice(0, 1));
    expect(draftLines(qhome)).toEqual(LINES.slice(0, 3));
    const next = runBin(['practice', '--bank', workspace.bank], { env: { QBANK_HOME: qhome }, input: `${LINES[3]}\n---\n:quit\n` });
    expect(next.code).toBe(0);
    expect(attempts(qhome).map((a) => a.answer)).toEqual([LINES.join('\n')]);
  }, 60_000);

  it.runIf(HAS_SCRIPT)('in a terminal too: killed mid-answer, restored at the prompt', async () => {
    const qhome = home();
    await typeAndKill(qhome, LINES.slice(0, 2), [], true);
    expect(draftLines(qhome)).toEqual(LINES.slice(0, 2));
    const run = startKillable(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { QBANK_HOME: qhome }, true);
    await until(() => run.output().includes('Restore your unfinished answer'), run.output);
    run.type('');
    await until(() => run.output().includes('2 lines typed before, kept'), run.output);
    run.type(LINES[2]!);
    await until(() => draftLines(qhome).length === 3, run.output);
    await run.kill();
    expect(draftLines(qhome)).toEqual(LINES.slice(0, 3));
  }, 60_000);

  it.runIf(HAS_SCRIPT)('in a terminal, declining the offer deletes the draft', async () => {
    const qhome = home();
    await typeAndKill(qhome, LINES.slice(0, 1), [], true);
    const run = startKillable(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { QBANK_HOME: qhome }, true);
    await until(() => run.output().includes('Restore your unfinished answer'), run.output);
    run.type('n');
    await until(() => run.output().includes('The unfinished answer is deleted.'), run.output);
    await until(() => run.output().includes('Your answer'), run.output);
    await run.kill();
    expect(existsSync(draftFile(qhome))).toBe(false);
  }, 60_000);

  it('a follow-up answer killed mid-way is restored at its follow-up and saved with its attempt', async () => {
    const qhome = home();
    const run = startKillable(['practice', '--bank', workspace.bank, '--id', SUBJECTIVE], { QBANK_HOME: qhome });
    await until(() => run.output().includes('Question 1 of 1'), run.output);
    run.type(`${OUTPUT_RULE_ANSWERS.partial}\n---`);
    await until(() => run.output().includes('Follow-up'), run.output);
    run.type('The backup replays the log');
    await until(() => draftLines(qhome).length === 1, run.output);
    await run.kill();
    const [attempt] = attempts(qhome) as Array<{ attemptId?: string }>;
    expect(replayDraft(jsonLines<DraftRecord>(draftFile(qhome)))).toMatchObject({ stage: expect.not.stringMatching(/^answer$/), attemptId: attempt?.attemptId });
    const next = runBin(['practice', '--bank', workspace.bank], { env: { QBANK_HOME: qhome }, input: 'and only then releases the output.\n---\n:quit\n' });
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('Restored: your answer goes on from its 1 line.');
    const followUps = jsonLines<{ type: string; attemptId: string; answer: string }>(path.join(qhome, 'history.jsonl')).filter((r) => r.type === 'follow-up');
    expect(followUps).toEqual([expect.objectContaining({ attemptId: attempt?.attemptId, answer: 'The backup replays the log\nand only then releases the output.' })]);
    expect(attempts(qhome)).toHaveLength(1);
    expect(existsSync(draftFile(qhome))).toBe(false);
  }, 60_000);

  it('without a terminal the offer takes its default: the draft is restored', () => {
    const qhome = home();
    writeFileSync(
      draftFile(qhome),
      [
        { v: 1, type: 'start', at: '2026-01-01T00:00:00.000Z', questionId: SUBJECTIVE, title: 'T', stage: 'answer' },
        { v: 1, type: 'lines', at: '2026-01-01T00:00:01.000Z', from: 0, lines: ['old line'] },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n') + '\n',
    );
    const run = runBin(['practice', '--bank', workspace.bank], { env: { QBANK_HOME: qhome }, input: 'new line\n---\n:quit\n' });
    expect(run.code).toBe(0);
    expect(attempts(qhome).map((a) => a.answer)).toEqual(['old line\nnew line']);
  });
});

describe('the practice session and its draft (pure)', () => {
  const question = subjectiveFrom(fixture('output-rule.md'));
  const deps = {
    sessionId: 's',
    newId: () => 'a1',
    score: () => ({ score: 10, band: 'insufficient', passed: false, followUp: 'weak' }) as never,
    scoreFollowUp: () => ({ score: 0, band: 'insufficient' }) as never,
    previousCard: () => undefined,
  };
  const now = new Date('2026-05-01T10:00:00Z');
  const kinds = (effects: PracticeEffect[]) => effects.map((e) => (e.kind === 'draft' ? `draft:${e.records.map((r) => r.type).join('+')}` : e.kind === 'save' ? `save:${e.record.type}` : e.kind));

  it('starts a draft on the first line typed, adds only new lines, and ends it once the answer is saved', () => {
    const session = new PracticeSession([question], deps);
    const first = session.start(now);
    expect(first.ask).toMatchObject({ kind: 'text', live: { commands: [] } });
    expect(kinds(session.typing({ lines: [''] }, now).effects)).toEqual([]);
    expect(kinds(session.typing({ lines: ['a'] }, now).effects)).toEqual(['draft:start+lines']);
    expect(kinds(session.typing({ lines: ['a'] }, now).effects)).toEqual([]);
    expect(kinds(session.typing({ lines: ['a', 'b'] }, now).effects)).toEqual(['draft:lines']);
    const answered = session.handle({ kind: 'text', text: 'a\nb' }, now);
    expect(kinds(answered.effects)).toEqual(['save:attempt', 'draft-clear']);
  });

  it('a restored follow-up draft starts the session at that follow-up, for its attempt', () => {
    const restored = { questionId: question.frontmatter.id, title: 'T', stage: 'weak' as const, attemptId: 'earlier', lines: ['kept'], savedAt: now.toISOString() };
    const session = new PracticeSession([question], { ...deps, restored });
    const first = session.start(now);
    expect(first.ask).toMatchObject({ kind: 'text', id: `${question.frontmatter.id}:weak`, typed: ['kept'] });
    expect(first.blocks.map((b) => b.kind)).toEqual(['intro', 'question', 'follow-up']);
    const answered = session.handle({ kind: 'text', text: 'kept\nmore' }, now);
    const saved = answered.effects.flatMap((e) => (e.kind === 'save' ? [e.record] : []));
    expect(saved).toEqual([expect.objectContaining({ type: 'follow-up', attemptId: 'earlier', stage: 'weak', answer: 'kept\nmore' })]);
    expect(kinds(answered.effects)).toContain('draft-clear');
  });

  it('a restored draft is shown at its question and cleared with the answer', () => {
    const restored = { questionId: question.frontmatter.id, title: 'T', stage: 'answer' as const, lines: ['kept'], savedAt: now.toISOString() };
    const session = new PracticeSession([question], { ...deps, restored });
    expect(session.start(now).ask).toMatchObject({ kind: 'text', typed: ['kept'] });
    // The draft log already has its start: only the new line goes on.
    expect(kinds(session.typing({ lines: ['kept', 'more'] }, now).effects)).toEqual(['draft:lines']);
    expect(kinds(session.handle({ kind: 'skip' }, now).effects)).toEqual(['draft-clear']);
  });
});
