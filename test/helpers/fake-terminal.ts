import { PassThrough } from 'node:stream';
import * as inquirer from '@inquirer/prompts';
import { TerminalIO, type Prompts } from '../../src/cli/session/terminal-io.js';
import type { EditText } from '../../src/cli/session/external-editor.js';

type Output = ConstructorParameters<typeof TerminalIO<string>>[1];

/**
 * A TerminalIO over in-memory streams: `input` takes what the user types, `shown()` is
 * everything written so far. Blocks are strings, rendered one a line.
 */
export function fakeTerminal(options: { editText?: EditText; prompts?: Prompts; width?: number; tty?: { rows: number; columns: number } } = {}) {
  const input = new PassThrough();
  const output = options.tty ? Object.assign(new PassThrough(), { isTTY: true, ...options.tty }) : new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const render = (blocks: readonly string[]) => blocks.map((b) => `${b}\n`).join('');
  const io = new TerminalIO<string>(input, output as unknown as Output, render, options.width ?? 80, options.prompts ?? (inquirer as unknown as Prompts), options.editText);
  return { io, input, shown: () => shown };
}
