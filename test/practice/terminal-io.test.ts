import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { TerminalIO } from '../../src/cli/session/terminal-io.js';

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const io = new TerminalIO<string>(input, output as unknown as ConstructorParameters<typeof TerminalIO<string>>[1], (blocks) => blocks.join(''));
  return { io, input, shown: () => shown };
}

const ask = { kind: 'text', id: 'q', message: 'Your answer', allowEditor: true } as const;

describe('the terminal adapter', () => {
  it('reads a multi-line answer that ends at an empty line', async () => {
    const { io, input, shown } = terminal();
    const answer = io.ask(ask);
    input.write('first line\nsecond line\n\n');
    expect(await answer).toEqual({ kind: 'text', text: 'first line\nsecond line' });
    expect(shown()).toContain('Your answer\n  end with an empty line or Ctrl-D · :e editor · :skip · :quit saves\n');
  });

  it('ends an answer at Ctrl-D (end of input)', async () => {
    const { io, input } = terminal();
    const answer = io.ask(ask);
    input.end('only line\n');
    expect(await answer).toEqual({ kind: 'text', text: 'only line' });
  });

  it.each([
    [':skip', { kind: 'skip' }],
    [':quit', { kind: 'quit' }],
  ])('treats %s on the first line as a command', async (command, expected) => {
    const { io, input } = terminal();
    const answer = io.ask(ask);
    input.write(`${command}\n`);
    expect(await answer).toEqual(expected);
  });

  it('ignores blank lines before the answer starts', async () => {
    const { io, input } = terminal();
    const answer = io.ask(ask);
    input.write('\n\nthe answer\n\n');
    expect(await answer).toEqual({ kind: 'text', text: 'the answer' });
  });
});
