import { wrapText } from '../wrap-text.js';
import type { InterviewBlock } from '../../core/interview/blocks.js';
import { parseAskId } from '../../core/interview/context.js';
import type { Ask, Input } from '../../core/session/interaction.js';
import type { OutputStream } from '../io.js';
import type { SessionIO } from '../session/driver.js';
import type { ScriptBlocks } from '../session/script-blocks.js';
import { ScriptMistake } from '../../core/errors/catalogue.js';
import { checkInput, inputError } from '../../core/errors/input-problems.js';
import { QbankError } from '../../core/errors/qbank-error.js';
import { readYamlSource } from '../../core/parse/source-document.js';
import { scriptEntrySchema, type ProbeSpec, type QuestionEntry, type ScriptEntry, type TicksSpec } from './script-entry.js';

type ChecklistAsk = Extract<Ask, { kind: 'checklist' }>;

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

/** A mistake at a path of keys in the script document being followed: the error to throw. */
type Mistake = (path: readonly PropertyKey[], problem: string) => QbankError;

/**
 * The values a checklist ends with under a script's tick spec, set under `key` (`concepts`,
 * `follow_up.ticks`); names are matched without case. A name not on the checklist is reported
 * where it is written.
 */
export function resolveTicks(ask: ChecklistAsk, spec: TicksSpec, key: string, mistake: Mistake): string[] {
  const at = key.split('.');
  const find = (list: readonly PropertyKey[]) => (name: string, index: number): string => {
    const wanted = norm(name);
    const exact = ask.items.find((item) => norm(item.value) === wanted || norm(item.label) === wanted);
    if (exact) return exact.value;
    const prefixed = ask.items.filter((item) => norm(item.value).startsWith(wanted));
    if (prefixed.length === 1 && prefixed[0]) return prefixed[0].value;
    const options = ask.items.map((item) => `"${item.value}"`).join(', ');
    throw mistake([...at, ...list, index], `"${name}" is not on the ${key} checklist; it has ${options}`);
  };
  const checked = ask.items.filter((item) => item.checked).map((item) => item.value);
  if (spec === 'accept') return checked;
  if ('only' in spec) return [...new Set(spec.only.map(find([])))];
  const removed = new Set(spec.remove.map(find(['remove'])));
  return [...new Set([...checked, ...spec.add.map(find(['add']))])].filter((value) => !removed.has(value));
}

/**
 * An interview driven by a script: a YAML stream with one document per question (notes, ticks,
 * follow-up, rating, or `pass: true`) and a last `decision:` document, read one document at a
 * time so a script can arrive while the session runs. The end of the script stops the session
 * (it stays resumable); it never waits on a closed stdin.
 */
export class InterviewScriptIO implements SessionIO<InterviewBlock> {
  private current: { index: number; entry: QuestionEntry; mistake: Mistake } | undefined;
  private decision: { entry: Extract<ScriptEntry, { kind: 'decision' }>; mistake: Mistake } | undefined;

  constructor(
    private readonly blocks: ScriptBlocks,
    private readonly output: OutputStream,
    private readonly render: (blocks: readonly InterviewBlock[]) => string,
    private readonly plan: readonly string[],
    private readonly width: number,
    /** The script as messages name it: its file, or `<stdin>`. */
    private readonly name = '<stdin>',
  ) {}

  show(blocks: readonly InterviewBlock[]): void {
    const text = this.render(blocks);
    if (text !== '') this.output.write(text);
  }

  async ask(ask: Ask): Promise<Input> {
    const answered = await this.answer(ask);
    // Notes typed at a terminal before the session was stopped come first; the script goes on from them.
    const typed = ask.kind === 'text' ? (ask.typed ?? []) : [];
    const input: Input = answered.kind === 'text' && typed.length > 0 ? { kind: 'text', text: [...typed, answered.text].join('\n').trim() } : answered;
    const line = wrapText(`? ${ask.message}: ${describe(input)}`, this.width - 2).replace(/\n/g, '\n  ');
    this.output.write(`${line}\n`);
    return input;
  }

  private async answer(ask: Ask): Promise<Input> {
    const ref = parseAskId(ask.id);
    if (!ref) throw new QbankError(ScriptMistake, { problem: `The session asked "${ask.message}", which a script cannot answer` }, { file: this.name });
    if ('decision' in ref) {
      if (!this.decision || ref.decision === 'decision') {
        const next = await this.nextEntry();
        if (!next || next.entry.kind === 'quit') return { kind: 'quit' };
        if (next.entry.kind !== 'decision') throw next.mistake([], 'Every question is done; expected the "decision:" document');
        this.decision = { entry: next.entry, mistake: next.mistake };
      }
      const { entry, mistake } = this.decision;
      if (ref.decision === 'decision') return { kind: 'choice', value: entry.decision === 'confirm' ? (ask.kind === 'choice' ? ask.default : '') : entry.decision };
      if (entry.reason === undefined) throw mistake(['decision'], '"reason" is needed when "decision" differs from the derived recommendation');
      return { kind: 'text', text: entry.reason };
    }
    if (this.current?.index !== ref.index) {
      const next = await this.nextEntry();
      if (!next || next.entry.kind === 'quit') return { kind: 'quit' };
      const id = this.plan[ref.index] ?? '';
      if (next.entry.kind !== 'question') throw next.mistake(['decision'], `Question ${ref.index + 1} (${id}) is still to be done; give its document before "decision:"`);
      if (next.entry.id !== undefined && next.entry.id !== id) throw next.mistake(['id'], `This document is for "${next.entry.id}" but the session is at question ${ref.index + 1}, "${id}"`);
      this.current = { index: ref.index, entry: next.entry, mistake: next.mistake };
    }
    const { entry, mistake } = this.current;
    return answerQuestion(ask, ref.phase, entry, mistake);
  }

  /** The next non-empty YAML document, read, with the way to report a mistake at one of its keys. */
  private async nextEntry(): Promise<{ entry: ScriptEntry; mistake: Mistake } | undefined> {
    for (;;) {
      const block = await this.blocks.next();
      if (block === undefined) return undefined;
      const source = readYamlSource(this.blocks.last.text, this.blocks.last.line);
      if (source.syntax) throw new QbankError(ScriptMistake, { problem: `not valid YAML (${source.syntax.reason})` }, { file: this.name, ...source.syntax.position });
      if (source.value === null || source.value === undefined) continue;
      const checked = checkInput(scriptEntrySchema(source.value), source.value);
      if (!checked.ok) throw inputError(this.name, source, checked.problems, ScriptMistake);
      return { entry: checked.data, mistake: (path, problem) => new QbankError(ScriptMistake, { problem }, { file: this.name, ...source.locate(path) }) };
    }
  }
}

function answerQuestion(ask: Ask, phase: string, entry: QuestionEntry, mistake: Mistake): Input {
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
      return { kind: 'checklist', values: resolveTicks(ask as ChecklistAsk, spec, key, mistake) };
    }
    case 'follow-up-choice': {
      const { tier } = entry.followUp;
      if (ask.kind !== 'choice') break;
      if (tier === 'suggested') return { kind: 'choice', value: ask.default };
      if (!ask.choices.some((c) => c.value === tier)) throw mistake(['follow_up'], `"follow_up" asks for the ${tier} tier, which this question does not have`);
      return { kind: 'choice', value: tier };
    }
    case 'follow-up-notes':
    case 'bar-raiser-notes':
      return probe?.pass ? { kind: 'skip' } : { kind: 'text', text: probe?.notes ?? '' };
    case 'follow-up-ticks':
    case 'bar-raiser-ticks':
      return { kind: 'checklist', values: resolveTicks(ask as ChecklistAsk, probe?.ticks ?? 'accept', `${phase.startsWith('bar') ? 'bar_raiser' : 'follow_up'}.ticks`, mistake) };
    case 'bar-raiser-confirm':
      return { kind: 'confirm', value: entry.barRaiser !== undefined };
    case 'rating':
      return { kind: 'choice', value: entry.rating ?? (ask.kind === 'choice' ? ask.default : '') };
    case 'reason':
      if (entry.reason === undefined || entry.reason.trim() === '') throw mistake(['rating'], '"reason" is needed when "rating" differs from the computed band');
      return { kind: 'text', text: entry.reason };
  }
  throw mistake([], `The session asked "${ask.message}", which a script cannot answer`);
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
