import { describe, expect, it } from 'vitest';
import type { InterviewBlock, InterviewEffect } from '../../src/core/interview/blocks.js';
import { replay, type SessionRecord } from '../../src/core/interview/records.js';
import type { Ask, Typing } from '../../src/core/session/interaction.js';
import { buildScorecard } from '../../src/core/interview/scorecard.js';
import { scorecardHtml } from '../../src/cli/interview/scorecard-html.js';
import { scorecardMarkdown } from '../../src/cli/interview/scorecard-markdown.js';
import { defaults, machine, meta, T0 } from './helpers.js';

/** Notes typed line by line into the output-rule fixture (mandatory: Output Rule, Latency Cost, Failover Consistency, …). */
const LINES = [
  'Candidate says the primary holds each packet until the backup has acknowledged the log entry: the output rule.',
  'Each packet waits one network round trip, so latency goes up.',
  'If the primary replied and crashed before the backup got the entry, the backup would diverge from what the client saw.',
  'A backup that takes over has to agree with every output the clients have already seen.',
];

const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const panelOf = (blocks: InterviewBlock[]) => {
  const panel = blocks.find((b) => b.kind === 'heard');
  if (!panel || panel.kind !== 'heard') throw new Error('no panel');
  return panel;
};
const recordsOf = (effects: InterviewEffect[]): SessionRecord[] => effects.map((e) => e.record);

async function started() {
  const m = await machine();
  const first = m.start(T0);
  // The CLI writes the session's first record; the machine the rest.
  const opening: SessionRecord = { v: 1, type: 'start', at: T0.toISOString(), session: meta() };
  return { m, first, log: [opening, ...recordsOf(first.effects)] };
}

describe('the live panel, driven line by line', () => {
  it('proposes a probe for the first mandatory concept not heard yet after each line', async () => {
    const { m, first } = await started();
    expect(first.ask).toMatchObject({ kind: 'text', form: 'notes', live: { commands: expect.arrayContaining([expect.objectContaining({ name: ':t' })]) } });
    const proposed: Array<string | undefined> = [];
    for (let n = 1; n <= LINES.length; n++) {
      const step = m.typing({ lines: LINES.slice(0, n) }, at(10 * n));
      proposed.push(panelOf(step.blocks).heard.proposal?.concept);
    }
    expect(proposed).toEqual(['Failover Consistency', 'Failover Consistency', 'Failover Consistency', undefined]);
  });

  it('saves each line once, in order, from where the text changed', async () => {
    const { m, log } = await started();
    const steps = [
      m.typing({ lines: LINES.slice(0, 1) }, at(5)),
      m.typing({ lines: LINES.slice(0, 3) }, at(9)), // a paste of two lines
      m.typing({ lines: LINES.slice(0, 3) }, at(10)), // the same text again (`:p`): nothing to save
    ];
    const lines = steps.map((s) => recordsOf(s.effects).filter((r) => r.type === 'lines'));
    expect(lines.map((l) => l.map((r) => (r.type === 'lines' ? [r.from, r.lines.length] : [])))).toEqual([[[0, 1]], [[1, 2]], []]);
    const state = replay([...log, ...steps.flatMap((s) => recordsOf(s.effects))]);
    expect(state?.draft?.typed).toEqual({ phase: 'notes', lines: LINES.slice(0, 3) });
  });

  it(':n passes over the proposed concept, :c N picks one, :t records the probe as asked', async () => {
    const { m, log } = await started();
    const notes = LINES.slice(0, 1);
    const initial = panelOf(m.typing({ lines: notes }, at(5)).blocks).heard;
    const firstOpen = initial.proposalIndex ?? -1;
    expect(initial.mandatory[firstOpen]?.heard).not.toBe('heard');

    const next = m.typing({ lines: notes, command: { name: ':n', arg: '' } }, at(6));
    const afterSkip = panelOf(next.blocks).heard;
    expect(afterSkip.proposalIndex).not.toBe(firstOpen);
    expect(afterSkip.mandatory[afterSkip.proposalIndex ?? -1]?.heard).not.toBe('heard');

    const pick = m.typing({ lines: notes, command: { name: ':c', arg: '1' } }, at(7));
    expect(panelOf(pick.blocks).heard.proposalIndex).toBe(0);

    const bad = m.typing({ lines: notes, command: { name: ':c', arg: '9' } }, at(8));
    expect(panelOf(bad.blocks).note).toMatch(/^No concept 9: choose 1 to \d+/);

    const take = m.typing({ lines: notes, command: { name: ':t', arg: '' } }, at(40));
    const taken = panelOf(take.blocks);
    expect(taken.asked).toBe(1);
    expect(taken.note).toBe(`Noted: probe for ${initial.mandatory[0]?.name} asked.`);
    // The choices are saved with the draft, so a resumed session keeps them.
    const all = [...log, ...[next, pick, bad, take].flatMap((s) => recordsOf(s.effects))];
    const state = replay(all);
    expect(state?.draft?.probing?.asked).toEqual([expect.objectContaining({ concept: initial.mandatory[0]?.name, atSeconds: 40 })]);
    expect(state?.draft?.probing?.picked).toBeUndefined();
  });

  it('gives the probes asked to the outcome, and submitted notes clear the typed lines', async () => {
    const { m } = await started();
    m.typing({ lines: LINES.slice(0, 2) }, at(5));
    m.typing({ lines: LINES.slice(0, 2), command: { name: ':t', arg: '' } }, at(6));
    const submitted = m.handle({ kind: 'text', text: LINES.slice(0, 2).join('\n') }, at(7));
    const draft = recordsOf(submitted.effects).find((r) => r.type === 'draft');
    expect(draft?.type === 'draft' && draft.draft.typed).toBeUndefined();
    expect(draft?.type === 'draft' && draft.draft.probing?.asked.length).toBe(1);
  });

  it('the scorecard lists the probes asked during the answer', async () => {
    const { m, log } = await started();
    m.typing({ lines: LINES.slice(0, 1) }, at(5));
    const take = m.typing({ lines: LINES.slice(0, 1), command: { name: ':t', arg: '' } }, at(130));
    const note = take.blocks[0]?.kind === 'heard' ? take.blocks[0].note : undefined;
    const concept = /probe for (.+) asked/.exec(note ?? '')?.[1];
    expect(concept).toBeDefined();
    const records = [...log, ...recordsOf(take.effects)];
    let step = m.handle({ kind: 'text', text: LINES[0]! }, at(140));
    for (let i = 0; i < 30 && step.ask; i++) {
      records.push(...recordsOf(step.effects));
      step = m.handle(defaults(step.ask), at(150 + i));
    }
    records.push(...recordsOf(step.effects));
    const card = buildScorecard(replay(records)!);
    expect(card.questions[0]?.probesAsked).toEqual([expect.objectContaining({ atSeconds: 130 })]);
    const text = scorecardMarkdown(card);
    expect(text).toContain('#### Probes asked during the answer');
    expect(text).toContain(`- at 2:10, for ${concept}: "`);
    // The HTML scorecard has the same list, inside the question's section, escaped.
    const html = scorecardHtml(card);
    const section = html.slice(html.indexOf('<article class="question" id="question-1">'), html.indexOf('</article>'));
    expect(section).toContain('<div class="probes-asked"><h4>Probes asked during the answer</h4>');
    expect(section).toContain(`at 2:10, for ${concept}: &quot;`);
  });

  it("at a follow-up's notes the panel shows which of its items are heard so far", async () => {
    const { m } = await started();
    let step = m.handle({ kind: 'text', text: LINES.join('\n') }, at(10));
    // Accept the ticks, then choose the depth probe (its items include batching and pipelining).
    for (let i = 0; i < 10 && step.ask && step.ask.id !== 'q0:follow-up-choice'; i++) step = m.handle(defaults(step.ask), at(11 + i));
    expect(step.ask?.id).toBe('q0:follow-up-choice');
    step = m.handle({ kind: 'choice', value: 'excellent' }, at(30));
    expect(step.ask).toMatchObject({ kind: 'text', id: 'q0:follow-up-notes', live: { panel: true } });
    const before = m.typing({ lines: ['The client waits for each round trip.'] }, at(40)).blocks[0];
    const after = m.typing({ lines: ['The client waits for each round trip.', 'Batching and pipelining raise it.'] }, at(50));
    const heard = (block: InterviewBlock | undefined) => (block?.kind === 'probe-heard' ? block.items.filter((i) => i.heard).map((i) => i.text) : undefined);
    expect(before?.kind).toBe('probe-heard');
    expect(heard(after.blocks[0])?.length).toBeGreaterThan(heard(before)?.length ?? 0);
    expect(heard(after.blocks[0])).toEqual(expect.arrayContaining(['batching', 'pipelining']));
    // The lines are saved for the follow-up's phase.
    expect(recordsOf(after.effects)).toEqual([expect.objectContaining({ type: 'lines', phase: 'follow-up-notes', from: 1 })]);
  });

  it('a resumed session shows the notes typed so far and goes on from them', async () => {
    const { m, log } = await started();
    const typed = m.typing({ lines: LINES.slice(0, 2) }, at(5));
    const state = replay([...log, ...recordsOf(typed.effects)]);
    expect(state).toBeDefined();
    const resumed = await machine({ outcomes: state!.outcomes, draft: state!.draft });
    const ask = resumed.start(at(60)).ask as Extract<Ask, { kind: 'text' }>;
    expect(ask.typed).toEqual(LINES.slice(0, 2));
    // Typing on saves only the new line.
    const more: Typing = { lines: [...LINES.slice(0, 2), LINES[2]!] };
    const saved = recordsOf(resumed.typing(more, at(70)).effects).filter((r) => r.type === 'lines');
    expect(saved).toEqual([expect.objectContaining({ from: 2, lines: [LINES[2]] })]);
  });

  it('lines saved for another question or phase do not leak into the draft', () => {
    const start: SessionRecord = { v: 1, type: 'start', at: T0.toISOString(), session: meta() };
    const draft: SessionRecord = { v: 1, type: 'draft', at: T0.toISOString(), draft: { index: 0, phase: 'concepts', startedAt: T0.toISOString() } };
    const late: SessionRecord = { v: 1, type: 'lines', at: T0.toISOString(), index: 0, phase: 'notes', from: 0, lines: ['late'] };
    expect(replay([start, draft, late])?.draft?.typed).toBeUndefined();
  });
});
