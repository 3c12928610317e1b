import { createInterface } from 'node:readline';
import { checkbox, confirm, editor, select } from '@inquirer/prompts';
import type { Ask, Input } from '../../core/session/interaction.js';
import { CancelledError } from '../errors.js';
import type { OutputStream } from '../io.js';
import type { SessionIO } from './driver.js';

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

/**
 * A session in a terminal: @inquirer/prompts for choices, checklists and confirmations, the
 * inquirer editor prompt for long answers, and an inline multi-line reader that ends at an empty
 * line or Ctrl-D.
 */
export class TerminalIO<Block> implements SessionIO<Block> {
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly output: OutputStream & NodeJS.WritableStream,
    private readonly render: (blocks: readonly Block[]) => string,
  ) {}

  show(blocks: readonly Block[]): void {
    const text = this.render(blocks);
    if (text !== '') this.output.write(text);
  }

  async ask(ask: Ask): Promise<Input> {
    const context = { input: this.input, output: this.output };
    switch (ask.kind) {
      case 'text':
        return this.readText(ask.message, ask.allowEditor);
      case 'letter': {
        const value = await prompt(() =>
          select(
            {
              message: ask.message,
              choices: [
                ...ask.letters.map((letter) => ({ value: letter, name: letter })),
                { value: SKIP, name: 'skip this question' },
                { value: QUIT, name: 'quit the session' },
              ],
            },
            context,
          ),
        );
        return value === SKIP ? { kind: 'skip' } : value === QUIT ? { kind: 'quit' } : { kind: 'letter', letter: value };
      }
      case 'choice': {
        const value = await prompt(() =>
          select({ message: ask.message, default: ask.default, choices: ask.choices.map((c) => ({ value: c.value, name: c.label })) }, context),
        );
        return { kind: 'choice', value };
      }
      case 'checklist': {
        const values = await prompt(() =>
          checkbox({ message: ask.message, pageSize: 15, choices: ask.items.map((i) => ({ value: i.value, name: i.label, checked: i.checked })) }, context),
        );
        return { kind: 'checklist', values };
      }
      case 'confirm':
        return { kind: 'confirm', value: await prompt(() => confirm({ message: ask.message, default: ask.default }, context)) };
    }
  }

  /** Lines until an empty line or Ctrl-D; `:e` first opens $EDITOR, `:skip` and `:quit` do what they say. */
  private readText(message: string, allowEditor: boolean): Promise<Input> {
    const hint = `empty line or Ctrl-D ends it${allowEditor ? ', :e for $EDITOR' : ''}, :skip, :quit`;
    this.output.write(`${message} (${hint})\n`);
    return new Promise((resolve, reject) => {
      const reader = createInterface({ input: this.input, output: this.output, prompt: '> ', terminal: true });
      const lines: string[] = [];
      let settled = false;
      const finish = (value: Input | Error) => {
        if (settled) return;
        settled = true;
        reader.close();
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      reader.on('SIGINT', () => {
        this.output.write('\n');
        finish(new CancelledError());
      });
      reader.on('close', () => finish({ kind: 'text', text: lines.join('\n').trim() }));
      reader.on('line', (line) => {
        const command = lines.length === 0 ? line.trim() : '';
        if (command === ':skip') return finish({ kind: 'skip' });
        if (command === ':quit') return finish({ kind: 'quit' });
        if (command === ':e' && allowEditor) {
          settled = true;
          reader.close();
          prompt(() => editor({ message, waitForUserInput: false }, { input: this.input, output: this.output }))
            .then((text) => resolve(text.trim() === '' ? { kind: 'skip' } : { kind: 'text', text: text.trim() }))
            .catch(reject);
          return;
        }
        if (line.trim() === '' && lines.length > 0) return finish({ kind: 'text', text: lines.join('\n').trim() });
        if (line.trim() !== '') lines.push(line);
        reader.prompt();
      });
      reader.prompt();
    });
  }
}
