import { createInterface } from 'node:readline';
import * as inquirer from '@inquirer/prompts';
import type { Ask, Input } from '../../core/session/interaction.js';
import { CancelledError } from '../errors.js';
import type { OutputStream } from '../io.js';
import { terminalStream, terminalText } from '../terminal-safe.js';
import type { OnTyping, SessionIO } from './driver.js';
import { LiveRegion, type Rows } from './live-region.js';
import { TEXT_COMMANDS } from './text-commands.js';
import { TypingRelay } from './typing-relay.js';
import { editInExternalEditor, type EditText } from './external-editor.js';

/** Rows set apart for a live panel (the interview's "heard so far" is at most this tall). */
const HEARD_ROWS = 11;

const SKIP = '\u0000skip';
const QUIT = '\u0000quit';

/** Inquirer signals Ctrl-C with ExitPromptError; qbank ends quietly with CancelledError. */
async function prompt<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
    throw error;
  }
}

/** Cuts a label to fit a prompt line of `width` columns after its `gutter`. */
export function fitLabel(label: string, width: number, gutter: number): string {
  const room = Math.max(10, width - gutter);
  return label.length > room ? `${label.slice(0, room - 1).trimEnd()}…` : label;
}

type TextAsk = Extract<Ask, { kind: 'text' }>;

/** The inquirer prompts the adapter uses; injected so tests can drive them with @inquirer/testing. */
export interface Prompts {
  select: typeof inquirer.select;
  checkbox: typeof inquirer.checkbox;
  confirm: typeof inquirer.confirm;
}

const INQUIRER: Prompts = { select: inquirer.select, checkbox: inquirer.checkbox, confirm: inquirer.confirm };

/** A prompt's message and choice labels as a terminal may show them (inquirer draws them raw). */
function safeConfig<C extends { message: string; choices?: ReadonlyArray<{ name?: string; short?: string }> }>(config: C): C {
  const choices = config.choices?.map((choice) => ({
    ...choice,
    ...(choice.name === undefined ? {} : { name: terminalText(choice.name) }),
    ...(choice.short === undefined ? {} : { short: terminalText(choice.short) }),
  }));
  return { ...config, message: terminalText(config.message), ...(choices ? { choices } : {}) };
}

/**
 * A session in a terminal: @inquirer/prompts for letters, choices, checklists and confirmations
 * (labels cut to the terminal width), `$EDITOR` on request (`editText`: the text typed so far is
 * handed over, and an editor that cannot start or fails sends the user back to the prompt), and
 * an inline reader for free text (see the `form` of a text Ask).
 */
export class TerminalIO<Block> implements SessionIO<Block> {
  /** What qbank itself writes goes through a terminal writer; `output` is for inquirer and readline. */
  private readonly screen: OutputStream;

  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: OutputStream & NodeJS.WritableStream,
    private readonly render: (blocks: readonly Block[]) => string,
    private readonly width = 80,
    private readonly prompts: Prompts = INQUIRER,
    private readonly editText: EditText = editInExternalEditor,
  ) {
    this.screen = terminalStream(output);
  }

  show(blocks: readonly Block[]): void {
    const text = this.render(blocks);
    if (text !== '') this.screen.write(text);
  }

  async ask(ask: Ask, onTyping?: OnTyping<Block>): Promise<Input> {
    const context = { input: this.input, output: this.output };
    const { select, checkbox, confirm } = this.prompts;
    switch (ask.kind) {
      case 'text':
        return this.readText(ask, onTyping);
      case 'letter': {
        const value = await prompt(() =>
          select(
            safeConfig({
              message: ask.message,
              choices: [
                ...ask.letters.map((letter) => ({ value: letter, name: letter })),
                { value: SKIP, name: 'skip this question' },
                { value: QUIT, name: 'quit the session' },
              ],
            }),
            context,
          ),
        );
        return value === SKIP ? { kind: 'skip' } : value === QUIT ? { kind: 'quit' } : { kind: 'letter', letter: value };
      }
      case 'choice': {
        const value = await prompt(() =>
          select(
            safeConfig({
              message: ask.message,
              default: ask.default,
              loop: false,
              // The answer line repeats the choice: its label up to a colon is enough.
              choices: ask.choices.map((c) => ({
                value: c.value,
                name: fitLabel(c.label, this.width, 3),
                short: fitLabel(c.label.split(':')[0] ?? c.label, this.width - ask.message.length, 5),
              })),
            }),
            context,
          ),
        );
        return { kind: 'choice', value };
      }
      case 'checklist': {
        const total = ask.items.length;
        const values = await prompt(() =>
          checkbox(
            safeConfig({
              message: ask.message,
              pageSize: Math.min(15, Math.max(total, 1)),
              loop: false,
              choices: ask.items.map((i) => ({ value: i.value, name: fitLabel(i.label, this.width, 4), checked: i.checked })),
              theme: { style: { renderSelectedChoices: (selected: readonly unknown[]) => `${selected.length} of ${total} ticked` } },
            }),
            context,
          ),
        );
        return { kind: 'checklist', values };
      }
      case 'confirm':
        return { kind: 'confirm', value: await prompt(() => confirm(safeConfig({ message: ask.message, default: ask.default }), context)) };
    }
  }

  /**
   * Reads free text in the Ask's form. A line holding only `:e` (editor), `:skip` or `:quit` is
   * a command wherever it comes, never part of the text; `typed` is text carried over from an
   * editor that gave nothing back (the Ask's own `typed` lines, restored from a draft, are shown
   * first). For a live Ask, `onTyping` gets the lines as they are entered (a paste in one go)
   * and each of the Ask's line commands; what it returns is drawn as a panel kept in view, and
   * the prompt waits for its records to be saved before it ends, so nothing typed is lost.
   */
  private readText(ask: TextAsk, onTyping?: OnTyping<Block>, typed?: readonly string[]): Promise<Input> {
    const form = ask.form ?? 'answer';
    const end = form === 'notes' ? 'end with "." alone or Ctrl-D' : form === 'line' ? 'one line' : 'end with an empty line or Ctrl-D';
    const hint = [end, ask.allowEditor ? ':e editor' : undefined, ask.skip ? `:skip = ${ask.skip}` : ':skip', ':quit saves'].filter(Boolean).join(' · ');
    this.screen.write(`${ask.message}\n  ${hint}\n`);
    const lines: string[] = [...(typed ?? ask.typed ?? [])];
    if (typed === undefined && lines.length > 0) {
      this.screen.write(`  (${lines.length} line${lines.length === 1 ? '' : 's'} typed before, kept; go on from here)\n${lines.map((line) => `  ${line}\n`).join('')}`);
    }
    const live = ask.live && onTyping ? onTyping : undefined;
    const commands = new Set((ask.live?.commands ?? []).map((c) => c.name));
    // Rows are set apart only for a session that shows a panel (not for drafts saved as typed).
    const region = live && ask.live?.panel ? new LiveRegion(this.output, this.screen, this.output as Rows, HEARD_ROWS) : undefined;
    return new Promise((resolve, reject) => {
      const output = region ? region.readlineOutput(this.output as NodeJS.WritableStream & Rows) : this.output;
      const reader = createInterface({ input: this.input, output, prompt: '> ', terminal: true });
      const closeReader = () => {
        reader.close();
        if (output !== this.output) output.end();
      };
      let settled = false;
      const relay = live ? new TypingRelay<Block>(lines, live, (blocks, asked) => region?.draw(this.render(blocks), asked), (error) => finish(error)) : undefined;
      const finish = (value: Input | Error) => {
        if (settled) return;
        settled = true;
        closeReader();
        // Text that is not handed over as the answer is saved before the prompt ends.
        if (value instanceof Error || value.kind !== 'text') relay?.flush();
        relay?.stop();
        (relay?.saved ?? Promise.resolve()).then(() => {
          region?.close();
          const outcome = relay?.failure ?? value;
          if (outcome instanceof Error) reject(outcome);
          else resolve(outcome);
        }, reject);
      };
      const text = (): Input => ({ kind: 'text', text: lines.join('\n').trim() });
      reader.on('SIGINT', () => {
        this.output.write('\n');
        finish(new CancelledError());
      });
      reader.on('close', () => finish(text()));
      reader.on('line', (line) => {
        if (settled) return;
        const started = lines.some((l) => l.trim() !== '');
        const trimmed = line.trim();
        const command = TEXT_COMMANDS.has(trimmed) ? trimmed : '';
        if (command === ':skip') return finish({ kind: 'skip' });
        if (command === ':quit') return finish({ kind: 'quit' });
        if (command === ':e' && ask.allowEditor) {
          relay?.flush();
          relay?.stop();
          settled = true;
          closeReader();
          (relay?.saved ?? Promise.resolve())
            .then(() => {
              region?.close();
              return this.inEditor(ask, lines, onTyping);
            })
            .then(resolve, reject);
          return;
        }
        if (command === ':e') {
          this.screen.write('  (no editor at this prompt; type the text here)\n');
          reader.prompt();
          return;
        }
        const [name = '', ...rest] = trimmed.split(/\s+/);
        if (relay && commands.has(name)) {
          relay.send({ name, arg: rest.join(' ') });
          void relay.saved.then(() => settled || reader.prompt());
          return;
        }
        if (form === 'notes' && trimmed === '.') return finish(text());
        if (form === 'answer' && trimmed === '' && started) return finish(text());
        if (form !== 'answer' || trimmed !== '') lines.push(line);
        if (form === 'line' && trimmed !== '') return finish(text());
        relay?.sendSoon();
        reader.prompt();
      });
      // Ctrl-R redraws the panel on demand, without a line (readline leaves the key alone).
      const onKey = (_text: string | undefined, key: { ctrl?: boolean; name?: string } | undefined) => {
        if (!settled && key?.ctrl && key.name === 'r') relay?.send(undefined, true);
      };
      if (relay) {
        this.input.on('keypress', onKey);
        reader.once('close', () => this.input.removeListener('keypress', onKey));
      }
      region?.open();
      relay?.send(undefined, true);
      reader.prompt();
    });
  }

  /**
   * The text written in `$EDITOR`, starting from what was typed. An editor that cannot start or
   * fails gets one line and the prompt again (the typed text kept); an empty result asks whether
   * to skip rather than skipping unasked.
   */
  private async inEditor(ask: TextAsk, typed: readonly string[], onTyping?: OnTyping<Block>): Promise<Input> {
    const outcome = await this.editText(typed.join('\n').trim() === '' ? '' : `${typed.join('\n').trim()}\n`);
    if (!outcome.ok) {
      const kept = typed.some((line) => line.trim() !== '') ? ' (the lines typed so far are kept)' : '';
      this.screen.write(`qbank: ${outcome.problem}; type the text here instead${kept}\n`);
      return this.readText(ask, onTyping, typed);
    }
    const text = outcome.text.trim();
    if (text !== '') return { kind: 'text', text };
    const context = { input: this.input, output: this.output };
    const skip = await prompt(() => this.prompts.confirm(safeConfig({ message: `The editor gave back no text. ${ask.skip ? `Skip (${ask.skip})` : 'Skip this question'}?`, default: false }), context));
    return skip ? { kind: 'skip' } : this.readText(ask, onTyping, []);
  }
}
