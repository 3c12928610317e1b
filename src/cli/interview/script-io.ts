import { wrapText } from '../wrap-text.js';
import { parse } from 'yaml';
import type { InterviewBlock } from '../../core/interview/blocks.js';
import { parseAskId } from '../../core/interview/context.js';
import type { Ask, Input } from '../../core/session/interaction.js';
import type { OutputStream } from '../io.js';
import type { SessionIO } from '../session/driver.js';
import type { ScriptBlocks } from '../session/script-blocks.js';
import { parseScriptEntry, ScriptError, type ProbeSpec, type QuestionEntry, type ScriptEntry, type TicksSpec } from './script-entry.js';

type ChecklistAsk = Extract<Ask, { kind: 'checklist' }>;

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The values a checklist ends with under a script's tick spec; names are matched without case. */
export function resolveTicks(ask: ChecklistAsk, spec: TicksSpec, where: string): string[] {
  const find = (name: string): string => {
    const wanted = norm(name);
    const exact = ask.items.find((item) => norm(item.value) === wanted || norm(item.label) === wanted);
    if (exact) return exact.value;
    const prefixed = ask.items.filter((item) => norm(item.value).startsWith(wanted));
    if (prefixed.length === 1 && prefixed[0]) return prefixed[0].value;
    const options = ask.items.map((item) => `"${item.value}"`).join(', ');
    throw new ScriptError(`${where}: "${name}" is not on the checklist; it has ${options}`);
  };
  const checked = ask.items.filter((item) => item.checked).map((item) => item.value);
  if (spec === 'accept') return checked;
  if ('only' in spec) return [...new Set(spec.only.map(find))];
  const removed = new Set(spec.remove.map(find));
  return [...new Set([...checked, ...spec.add.map(find)])].filter((value) => !removed.has(value));
}

/**
 * An interview driven by a script: a YAML stream with one document per question (notes, ticks,
 * follow-up, rating, or `pass: true`) and a last `decision:` document, read one document at a
 * time so a script can arrive while the session runs. The end of the script stops the session
 * (it stays resumable); it never waits on a closed stdin.
 */
export class InterviewScriptIO implements SessionIO<InterviewBlock> {
  private current: { index: number; entry: QuestionEntry; where: string } | undefined;
  private decision: { entry: Extract<ScriptEntry, { kind: 'decision' }>; where: string } | undefined;
  private documents = 0;

  constructor(
    private readonly blocks: ScriptBlocks,
    private readonly output: OutputStream,
    private readonly render: (blocks: readonly InterviewBlock[]) => string,
    private readonly plan: readonly string[],
    private readonly width: number,
  ) {}

  show(blocks: readonly InterviewBlock[]): void {
    const text = this.render(blocks);
    if (text !== '') this.output.write(text);
  }

  async ask(ask: Ask): Promise<Input> {
    const input = await this.answer(ask);
    const line = wrapText(`? ${ask.message}: ${describe(input)}`, this.width - 2).replace(/\n/g, '\n  ');
    this.output.write(`${line}\n`);
    return input;
  }

  private async answer(ask: Ask): Promise<Input> {
    const ref = parseAskId(ask.id);
    if (!ref) throw new ScriptError(`the session asked "${ask.message}", which a script cannot answer`);
    if ('decision' in ref) {
      if (!this.decision || ref.decision === 'decision') {
        const next = await this.nextEntry();
        if (!next || next.entry.kind === 'quit') return { kind: 'quit' };
        if (next.entry.kind !== 'decision') throw new ScriptError(`${next.where}: every question is done; expected the "decision:" document`);
        this.decision = { entry: next.entry, where: next.where };
      }
      const { entry, where } = this.decision;
      if (ref.decision === 'decision') return { kind: 'choice', value: entry.decision === 'confirm' ? (ask.kind === 'choice' ? ask.default : '') : entry.decision };
      if (entry.reason === undefined) throw new ScriptError(`${where}: "reason" is needed when "decision" differs from the derived recommendation`);
      return { kind: 'text', text: entry.reason };
    }
    if (this.current?.index !== ref.index) {
      const next = await this.nextEntry();
      if (!next || next.entry.kind === 'quit') return { kind: 'quit' };
      const id = this.plan[ref.index] ?? '';
      if (next.entry.kind !== 'question') throw new ScriptError(`${next.where}: question ${ref.index + 1} (${id}) is still to be done; give its document before "decision:"`);
      if (next.entry.id !== undefined && next.entry.id !== id) throw new ScriptError(`${next.where}: it is for "${next.entry.id}" but the session is at question ${ref.index + 1}, "${id}"`);
      this.current = { index: ref.index, entry: next.entry, where: next.where };
    }
    const { entry, where } = this.current;
    return answerQuestion(ask, ref.phase, entry, where);
  }

  /** The next non-empty YAML document, parsed. */
  private async nextEntry(): Promise<{ entry: ScriptEntry; where: string } | undefined> {
    for (;;) {
      const block = await this.blocks.next();
      if (block === undefined) return undefined;
      this.documents += 1;
      const where = `script document ${this.documents}`;
      let value: unknown;
      try {
        value = parse(block);
      } catch (error) {
        throw new ScriptError(`${where}: not valid YAML (${(error as Error).message.split('\n')[0] ?? ''})`);
      }
      if (value === null || value === undefined) continue;
      return { entry: parseScriptEntry(value, where), where };
    }
  }
}

function answerQuestion(ask: Ask, phase: string, entry: QuestionEntry, where: string): Input {
  const probe: ProbeSpec | undefined = phase.startsWith('bar-raiser') ? entry.barRaiser : entry.followUp.probe;
  switch (phase) {
    case 'notes':
      return entry.pass || entry.notAsked ? { kind: 'skip' } : { kind: 'text', text: entry.notes ?? '' };
    case 'pass-choice':
      return { kind: 'choice', value: entry.notAsked ? 'not_asked' : 'pass' };
    case 'concepts':
    case 'keywords':
    case 'flags': {
      const spec = phase === 'concepts' ? entry.concepts : phase === 'keywords' ? entry.keywords : entry.redFlags;
      const key = phase === 'flags' ? 'red_flags' : phase;
      return { kind: 'checklist', values: resolveTicks(ask as ChecklistAsk, spec, `${where}, ${key}`) };
    }
    case 'follow-up-choice': {
      const { tier } = entry.followUp;
      if (ask.kind !== 'choice') break;
      if (tier === 'suggested') return { kind: 'choice', value: ask.default };
      if (!ask.choices.some((c) => c.value === tier)) throw new ScriptError(`${where}: "follow_up" asks for the ${tier} tier, which this question does not have`);
      return { kind: 'choice', value: tier };
    }
    case 'follow-up-notes':
    case 'bar-raiser-notes':
      return probe?.pass ? { kind: 'skip' } : { kind: 'text', text: probe?.notes ?? '' };
    case 'follow-up-ticks':
    case 'bar-raiser-ticks':
      return { kind: 'checklist', values: resolveTicks(ask as ChecklistAsk, probe?.ticks ?? 'accept', `${where}, ${phase.startsWith('bar') ? 'bar_raiser' : 'follow_up'}.ticks`) };
    case 'bar-raiser-confirm':
      return { kind: 'confirm', value: entry.barRaiser !== undefined };
    case 'rating':
      return { kind: 'choice', value: entry.rating ?? (ask.kind === 'choice' ? ask.default : '') };
    case 'reason':
      if (entry.reason === undefined || entry.reason.trim() === '') throw new ScriptError(`${where}: "reason" is needed when "rating" differs from the computed band`);
      return { kind: 'text', text: entry.reason };
  }
  throw new ScriptError(`${where}: the session asked "${ask.message}", which a script cannot answer`);
}

function describe(input: Input): string {
  switch (input.kind) {
    case 'text':
      return input.text === '' ? '(no notes)' : `${input.text.split('\n')[0]?.slice(0, 60) ?? ''}${input.text.length > 60 || input.text.includes('\n') ? '…' : ''}`;
    case 'checklist':
      return input.values.length === 0 ? '(none)' : input.values.join('; ');
    case 'choice':
      return input.value;
    case 'confirm':
      return input.value ? 'yes' : 'no';
    case 'letter':
      return input.letter;
    case 'quit':
      return '(end of the script: stopping)';
    default:
      return input.kind;
  }
}
