import type { Typing } from '../session/interaction.js';
import { changedFrom } from '../session/typed-lines.js';
import type { InterviewBlock } from './blocks.js';
import type { QuestionContext } from './context.js';
import { heardSoFar } from './heard-so-far.js';
import { suggestProbeTicks } from './probe.js';
import { NOTE_PHASES, RECORD_VERSION, type Draft, type SessionRecord } from './records.js';
import { elapsedSeconds, formatTimer } from './timer.js';

/** What the notes typed so far make of a question in progress. */
export interface LiveStep {
  draft: Draft;
  blocks: InterviewBlock[];
  /** To append to the log, in order: the new lines, then the draft when the interviewer's choices changed. */
  records: SessionRecord[];
}

type Probing = NonNullable<Draft['probing']>;

/** A line command of the panel applied to the probing state; `note` says what happened. */
function applyCommand(
  command: Typing['command'],
  probing: Probing,
  proposal: { index: number; concept: string; source: 'follow-up' | 'author' | 'neutral'; question: string } | undefined,
  conceptCount: number,
  atSeconds: number,
): { probing: Probing; note?: string } {
  switch (command?.name) {
    case ':t': {
      if (!proposal) return { probing, note: 'No probe to ask: every mandatory concept is heard.' };
      const asked = [...probing.asked, { concept: proposal.concept, source: proposal.source, question: proposal.question, atSeconds }];
      return { probing: { skipped: [...new Set([...probing.skipped, proposal.index])], asked }, note: `Noted: probe for ${proposal.concept} asked.` };
    }
    case ':n': {
      if (!proposal) return { probing, note: 'No probe to pass over.' };
      const skipped = [...new Set([...probing.skipped, proposal.index])];
      // Once every concept has been passed over, start again from the first.
      return { probing: { skipped: skipped.length >= conceptCount ? [] : skipped, asked: probing.asked } };
    }
    case ':c': {
      const number = Number(command.arg);
      if (!Number.isInteger(number) || number < 1 || number > conceptCount) {
        return { probing, note: `No concept ${command.arg === '' ? '(give its number)' : command.arg}: choose 1 to ${conceptCount}, as numbered in the panel.` };
      }
      return { probing: { ...probing, picked: number - 1 } };
    }
    default:
      return { probing };
  }
}

/**
 * Notes as they are typed, line by line: the lines not saved yet become a `lines` record; at a
 * follow-up's or the bar raiser's notes the panel shows which of its items are heard so far; at
 * the main notes the live panel is recomputed from the notes so far and the interviewer's
 * command (`:t` the proposed probe was asked, `:n` propose another concept, `:c N` concept N,
 * `:p` just redraw). Pure: the driver saves the records and the adapter draws the blocks.
 */
export function typeNotes(ctx: QuestionContext, draft: Draft, typing: Typing, now: Date): LiveStep {
  if (!NOTE_PHASES.has(draft.phase)) return { draft, blocks: [], records: [] };
  const at = now.toISOString();
  const saved = draft.typed?.phase === draft.phase ? draft.typed.lines : [];
  const from = changedFrom(saved, typing.lines);
  const records: SessionRecord[] = [];
  if (from !== undefined) {
    records.push({ v: RECORD_VERSION, type: 'lines', at, index: draft.index, phase: draft.phase, from, lines: typing.lines.slice(from) });
  }
  let next: Draft = { ...draft, typed: { phase: draft.phase, lines: [...typing.lines] } };
  const timer = formatTimer(elapsedSeconds(draft.startedAt, now), ctx.question.frontmatter.estimatedTime);
  if (draft.phase !== 'notes') {
    // A follow-up or the bar raiser: which of its items the notes so far hold.
    const probe = ctx.probeFor(draft);
    if (!probe) return { draft: next, blocks: [], records };
    const found = suggestProbeTicks(probe, typing.lines.join('\n'));
    const block: InterviewBlock = {
      kind: 'probe-heard',
      timer,
      probe: probe.kind,
      items: probe.items.map((text, i) => ({ text, heard: found.items[i] === true })),
      redFlags: probe.redFlags.filter((_, i) => found.flags[i] === true),
    };
    return { draft: next, blocks: [block], records };
  }

  const notes = typing.lines.join('\n');
  const probing: Probing = draft.probing ?? { skipped: [], asked: [] };
  const before = heardSoFar(ctx.question, ctx.rubric, notes, probing);
  const proposal = before.proposal && before.proposalIndex !== undefined ? { ...before.proposal, index: before.proposalIndex } : undefined;
  const seconds = Math.max(0, Math.floor(elapsedSeconds(draft.startedAt, now)));
  const applied = applyCommand(typing.command, probing, proposal, before.mandatory.length, seconds);
  let heard = before;
  if (applied.probing !== probing) {
    next = { ...next, probing: applied.probing };
    records.push({ v: RECORD_VERSION, type: 'draft', at, draft: next });
    heard = heardSoFar(ctx.question, ctx.rubric, notes, applied.probing);
  }
  const block: InterviewBlock = { kind: 'heard', timer, heard, asked: applied.probing.asked.length, ...(applied.note ? { note: applied.note } : {}) };
  return { draft: next, blocks: [block], records };
}
