import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { ScriptedIO } from '../../src/cli/session/scripted-io.js';


const terminal = fakeTerminal;

const answer = { kind: 'text', id: 'q', message: 'Your answer', allowEditor: true } as const;
const notes = { kind: 'text', id: 'n', message: 'Notes or transcript', allowEditor: true, form: 'notes', skip: 'pass' } as const;

describe('commands on any line of free text', () => {
  it.each([
    ['answer', 'first line\n:quit\n', answer, { kind: 'quit' }],
    ['answer', 'first line\n  :skip  \n', answer, { kind: 'skip' }],
    ['notes', 'she said\n\nmore\n:quit\n', notes, { kind: 'quit' }],
    ['notes', 'she said\n:skip\n', notes, { kind: 'skip' }],
  ] as const)('in %s, %j acts as the command, not as text', async (_form, typed, ask, expected) => {
    const { io, input } = terminal();
    const result = io.ask(ask);
    // Ctrl-D after the lines: text taken as typed would come back as text.
    input.end(typed);
    expect(await result).toEqual(expected);
  });

  it('keeps text that merely mentions a command', async () => {
    const { io, input } = terminal();
    const result = io.ask(answer);
    input.write('type :quit to stop\n\n');
    expect(await result).toEqual({ kind: 'text', text: 'type :quit to stop' });
  });

  it('opens the editor on ":e" after some lines, with those lines in it', async () => {
    const given: string[] = [];
    const { io, input } = terminal({ editText: async (initial) => (given.push(initial), { ok: true, text: `${initial}and the rest\n` }) });
    const result = io.ask(answer);
    input.end('snapshots bound the log\n:e\n');
    expect(await result).toEqual({ kind: 'text', text: 'snapshots bound the log\nand the rest' });
    expect(given).toEqual(['snapshots bound the log\n']);
  });

  it.each([
    ['x\n:quit', { kind: 'quit' }],
    ['x\n:skip\ny', { kind: 'skip' }],
    ['first\n:e\nsecond', { kind: 'text', text: 'first\nsecond' }],
  ])('a piped block %j acts the same way', async (block, expected) => {
    const io = new ScriptedIO<string>(Readable.from([`${block}\n---\n`]), { write: () => true }, (b) => b.join(''));
    expect(await io.ask(answer)).toEqual(expected);
  });
});


describe('":e" with an editor that is not installed', () => {
  it('prints one line and asks for the answer again, with what was typed kept (no stack trace, no exit)', async () => {
    const saved = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
    process.env.EDITOR = 'qbank-no-such-editor';
    delete process.env.VISUAL;
    try {
      const { io, input, shown } = terminal();
      const result = io.ask(answer);
      input.write('typed before\n:e\n');
      while (!shown().includes('type the text here instead')) await new Promise((resolve) => setTimeout(resolve, 5));
      input.write('typed after\n\n');
      expect(await result).toEqual({ kind: 'text', text: 'typed before\ntyped after' });
      expect(shown()).toContain('qbank: the editor "qbank-no-such-editor" could not be started (no such program); set VISUAL or EDITOR to an editor you have; type the text here instead (the lines typed so far are kept)\n');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
