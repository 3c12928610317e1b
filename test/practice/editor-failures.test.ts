import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as inquirer from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { Prompts } from '../../src/cli/session/terminal-io.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { editInExternalEditor } from '../../src/cli/session/external-editor.js';

const terminal = fakeTerminal;

const answer = { kind: 'text', id: 'q', message: 'Your answer', allowEditor: true } as const;

/** Waits until the adapter has asked again (it writes the hint line each time it asks). */
async function until(shown: () => string, text: string): Promise<void> {
  while (!shown().includes(text)) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('an editor that is missing, fails or gives back nothing', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function script(body: string): string {
    dir ??= mkdtempSync(path.join(os.tmpdir(), 'qbank-editor-'));
    const file = path.join(dir, `editor-${Math.random().toString(36).slice(2)}.sh`);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
    return file;
  }

  it.each([
    ['EDITOR=code (not installed)', { EDITOR: 'qbank-no-such-editor --wait' }, 'qbank: the editor "qbank-no-such-editor --wait" could not be started (no such program); set VISUAL or EDITOR to an editor you have'],
    ['EDITOR=false', { EDITOR: 'false' }, 'qbank: the editor "false" exited with status 1, so nothing was taken from it'],
  ])('%s: one line, then the answer prompt again with the text kept', async (_name, env, line) => {
    const { io, input, shown } = terminal({ editText: (initial) => editInExternalEditor(initial, env) });
    const result = io.ask(answer);
    input.write('typed before\n:e\n');
    await until(shown, 'type the text here instead');
    input.write('typed after\n\n');
    expect(await result).toEqual({ kind: 'text', text: 'typed before\ntyped after' });
    expect(shown()).toContain(`${line}; type the text here instead (the lines typed so far are kept)\n`);
    expect(shown()).not.toMatch(/at .*\(node:|Error:/);
  });

  it('takes the text a real editor saved', async () => {
    const editor = script(`printf 'written in the editor\\n' >> "$1"`);
    const outcome = await editInExternalEditor('typed\n', { EDITOR: editor });
    expect(outcome).toEqual({ ok: true, text: 'typed\nwritten in the editor\n' });
  });

  it.each([
    ['n', 'back to the prompt', 'typed instead\n\n', { kind: 'text', text: 'typed instead' }],
    ['y', 'skips', '', { kind: 'skip' }],
  ])('an editor closed on an empty file asks whether to skip: %s %s', async (key, _what, after, expected) => {
    const screens: string[] = [];
    const confirm = async (config: Parameters<typeof inquirer.confirm>[0]) => {
      const { answer: value, events, getScreen } = await render(inquirer.confirm, config);
      screens.push(getScreen());
      events.type(key);
      events.keypress('enter');
      return value;
    };
    const { io, input, shown } = terminal({ editText: async () => ({ ok: true, text: '\n' }), prompts: { ...(inquirer as unknown as Prompts), confirm: confirm as Prompts['confirm'] } });
    const result = io.ask(answer);
    input.write(':e\n');
    if (after) {
      await until(() => shown().split('Your answer').length > 2 ? 'asked again' : '', 'asked again');
      input.write(after);
    }
    expect(await result).toEqual(expected);
    expect(screens[0]).toContain('The editor gave back no text. Skip this question?');
  });
});
