import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import * as inquirer from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { TerminalIO, type Prompts } from '../../src/cli/session/terminal-io.js';
import { CancelledError } from '../../src/cli/errors.js';

/** What a driven prompt does once it is on screen: press keys, then the screen it left is kept. */
type Keys = (events: Awaited<ReturnType<typeof render>>['events']) => void;

/**
 * Prompts that run the real inquirer prompt under @inquirer/testing (a virtual terminal) and
 * press `keys` in it, recording each screen. Only the prompt kinds a test names may be used.
 */
function driven(keys: Partial<Record<keyof Prompts, Keys>>) {
  const screens: string[] = [];
  const drive =
    <K extends keyof Prompts>(kind: K) =>
    async (config: Parameters<Prompts[K]>[0]) => {
      const press = keys[kind];
      if (!press) throw new Error(`unexpected ${kind} prompt`);
      const real = inquirer[kind] as unknown as Parameters<typeof render>[0];
      const { answer, events, getScreen } = await render(real, config);
      screens.push(getScreen());
      press(events);
      const value = await answer;
      screens.push(getScreen());
      return value;
    };
  const prompts = { select: drive('select'), checkbox: drive('checkbox'), confirm: drive('confirm') } as unknown as Prompts;
  return { prompts, screens };
}

function terminal(prompts: Prompts, width = 80) {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const io = new TerminalIO<string>(input, output as unknown as ConstructorParameters<typeof TerminalIO<string>>[1], (b) => b.join(''), width, prompts);
  return { io, input, shown: () => shown };
}

describe('the terminal adapter with real inquirer prompts', () => {
  it('picks a letter of a multiple-choice question with the arrow keys', async () => {
    const { prompts, screens } = driven({ select: (e) => (e.keypress('down'), e.keypress('enter')) });
    const { io } = terminal(prompts);
    const input = await io.ask({ kind: 'letter', id: 'q', message: 'Your answer', letters: ['A', 'B', 'C'] });
    expect(input).toEqual({ kind: 'letter', letter: 'B' });
    expect(screens[0]).toContain('Your answer');
    expect(screens[0]).toContain('skip this question');
    expect(screens[0]).toContain('quit the session');
  });

  it.each([
    [4, { kind: 'skip' }],
    [5, { kind: 'quit' }],
  ])('maps the extra letter choice %i to skip or quit', async (downs, expected) => {
    const { prompts } = driven({
      select: (e) => {
        for (let i = 0; i < downs; i++) e.keypress('down');
        e.keypress('enter');
      },
    });
    const { io } = terminal(prompts);
    expect(await io.ask({ kind: 'letter', id: 'q', message: 'Your answer', letters: ['A', 'B', 'C', 'D'] })).toEqual(expected);
  });

  it('cuts long choice labels to the terminal width and answers with the chosen value', async () => {
    const long = `Reveal: ${'the excellent sample answer, then the acceptable one, '.repeat(3)}`;
    const { prompts, screens } = driven({ select: (e) => (e.keypress('down'), e.keypress('enter')) });
    const { io } = terminal(prompts, 60);
    const input = await io.ask({
      kind: 'choice',
      id: 'next',
      message: 'Next',
      default: 'go',
      choices: [
        { value: 'go', label: 'Go on' },
        { value: 'reveal', label: long },
      ],
    });
    expect(input).toEqual({ kind: 'choice', value: 'reveal' });
    const lines = (screens[0] ?? '').split('\n');
    expect(lines.some((line) => line.includes('Reveal: the excellent') && line.trimEnd().endsWith('…'))).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    // After answering, the prompt line shows the label up to its colon.
    expect(screens[1]).toContain('Reveal');
    expect(screens[1]).not.toContain('excellent sample');
  });

  it('ticks checklist items with space and reports how many are ticked', async () => {
    const { prompts, screens } = driven({ checkbox: (e) => (e.keypress('down'), e.keypress('space'), e.keypress('enter')) });
    const { io } = terminal(prompts);
    const input = await io.ask({
      kind: 'checklist',
      id: 'ticks',
      message: 'Heard',
      items: [
        { value: 'a', label: 'Output rule', checked: true },
        { value: 'b', label: 'Deterministic replay', checked: false },
        { value: 'c', label: 'Split brain', checked: false },
      ],
    });
    expect(input).toEqual({ kind: 'checklist', values: ['a', 'b'] });
    expect(screens[1]).toContain('2 of 3 ticked');
  });

  it.each([
    ['y', true],
    ['n', false],
  ])('confirms with %s', async (key, value) => {
    const { prompts } = driven({ confirm: (e) => (e.type(key), e.keypress('enter')) });
    const { io } = terminal(prompts);
    expect(await io.ask({ kind: 'confirm', id: 'c', message: 'Reveal the samples?', default: false })).toEqual({ kind: 'confirm', value });
  });

  it('turns Ctrl-C in a prompt into a quiet cancel', async () => {
    const { prompts } = driven({ confirm: (e) => e.keypress({ name: 'c', ctrl: true }) });
    const { io } = terminal(prompts);
    await expect(io.ask({ kind: 'confirm', id: 'c', message: 'Go on?', default: true })).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('the $EDITOR path', () => {
  let dir: string | undefined;
  const savedEditor = { EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
    for (const [key, value] of Object.entries(savedEditor)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  /** An editor program that writes `text` into the file it is given, as a user saving would. */
  function fakeEditor(text: string): void {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qbank-editor-'));
    const script = path.join(dir, 'editor.sh');
    writeFileSync(script, `#!/bin/sh\nprintf '%s' '${text}' > "$1"\n`);
    chmodSync(script, 0o755);
    process.env.EDITOR = script;
    delete process.env.VISUAL;
  }

  it('opens $EDITOR on ":e" and takes what was saved as the answer', async () => {
    fakeEditor('Written in the editor.\nSecond line.\n');
    const { io, input } = terminal({ ...(inquirer as unknown as Prompts) });
    const answer = io.ask({ kind: 'text', id: 'q', message: 'Your answer', allowEditor: true });
    input.write(':e\n');
    expect(await answer).toEqual({ kind: 'text', text: 'Written in the editor.\nSecond line.' });
  });
});
