import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/cli/errors.js';
import { renderBlocks } from '../../src/cli/interview/render-blocks.js';
import { fitLabel } from '../../src/cli/session/terminal-io.js';
import { fakeTerminal } from '../helpers/fake-terminal.js';
import { createStyle } from '../../src/cli/style.js';
import type { Ask } from '../../src/core/session/interaction.js';
import { drive, machine } from './helpers.js';

const terminal = fakeTerminal;

const notes: Ask = { kind: 'text', id: 'q0:notes', message: 'Notes or transcript · 0:42 of 6-8 min', allowEditor: true, form: 'notes', skip: 'pass' };
const reason: Ask = { kind: 'text', id: 'q0:reason', message: 'Why good rather than the computed excellent?', allowEditor: false, form: 'line', skip: 'goes back' };

describe('the interview terminal adapter', () => {
  it('keeps the blank lines of a pasted transcript and ends at a lone "."', async () => {
    const { io, input, shown } = terminal();
    const answer = io.ask(notes);
    input.write('Candidate: first paragraph\n\nsecond paragraph\n.\n');
    expect(await answer).toEqual({ kind: 'text', text: 'Candidate: first paragraph\n\nsecond paragraph' });
    const hint = shown().split('\n').slice(0, 2);
    expect(hint).toEqual(['Notes or transcript · 0:42 of 6-8 min', '  end with "." alone or Ctrl-D · :e editor · :skip = pass · :quit saves']);
    expect(hint.every((line) => line.length <= 80)).toBe(true);
  });

  it.each([
    [notes, ':skip\n', { kind: 'skip' }],
    [notes, '\n:quit\n', { kind: 'quit' }],
    [reason, 'Strong whiteboard work\n', { kind: 'text', text: 'Strong whiteboard work' }],
  ])('reads %#', async (ask, typed, expected) => {
    const { io, input } = terminal();
    const answer = io.ask(ask);
    input.write(typed);
    expect(await answer).toEqual(expected);
  });

  it('ends notes at Ctrl-D (end of input)', async () => {
    const { io, input } = terminal();
    const answer = io.ask(notes);
    input.end('only line\n');
    expect(await answer).toEqual({ kind: 'text', text: 'only line' });
  });

  it.each([
    ['Thinking the primary stops executing until the backup acknowledges the entry and more', 80, 4, 76],
    ['short', 80, 4, 5],
  ])('fits a label to the width: %s', (label, width, gutter, length) => {
    const fitted = fitLabel(label, width, gutter);
    expect(fitted.length).toBe(length);
    if (length < label.length) expect(fitted.endsWith('…')).toBe(true);
  });
});

describe('what an interview shows', () => {
  it('fits every line in 80 columns, and shows the timer against the estimate', async () => {
    const run = drive(await machine({ outcomes: new Map() }, { totalMinutes: 45 }), (ask) =>
      ask.kind === 'text' ? { kind: 'text', text: 'The output rule holds output until the backup acknowledges.' } : ask.kind === 'checklist' ? { kind: 'checklist', values: ask.items.map((i) => i.value) } : ask.kind === 'choice' ? { kind: 'choice', value: ask.default } : { kind: 'confirm', value: true },
    );
    const text = renderBlocks(run.blocks, { style: createStyle({ write: () => true }, {}), width: 80 });
    expect(text).toContain('Time 0:00 of 6-8 min · interview 0:00 of 45 min');
    expect(text).toContain('[ ] Output Rule: The primary holds output');
    expect(text).toContain('! Claiming the output rule guarantees each output is sent exactly once');
    expect(text).toContain('Follow-up: the depth probe · Depth Probe');
    expect(text).toContain('Bar raiser · L3→L4 Challenge');
    expect(text).not.toMatch(/\u001b\[/);
    expect(text.split('\n').filter((line) => line.length > 80)).toEqual([]);
    // Inquirer's answer line: "✔ message 12 of 13 ticked" for a checklist, "✔ message guided probe" for a choice.
    const answerLines = run.asks.flatMap((a) => (a.kind === 'checklist' ? [`✔ ${a.message} 12 of 13 ticked`] : a.kind === 'choice' ? [`✔ ${a.message} foundation check`] : []));
    expect(answerLines.filter((line) => line.length > 80)).toEqual([]);
  });

  it.each([
    ['a concept with a name and a description', { name: 'Output Rule', description: 'The primary holds output' }, '[ ] Output Rule: The primary holds output'],
    ['a concept written as a plain sentence, shown once', { name: 'The primary holds output', description: 'The primary holds output' }, '[ ] The primary holds output'],
  ])('lists %s in the rubric', (_name, concept, line) => {
    const text = renderBlocks([{ kind: 'rubric', mandatory: [concept], bonus: [], expectedKeywords: [], bonusKeywords: [], redFlags: [] }], { style: createStyle({ write: () => true }, {}), width: 80 });
    expect(text.split('\n').map((l) => l.trim())).toContain(line);
  });
});

describe('a live text prompt (notes saved as typed, the panel redrawn)', () => {
  const live: Ask = { ...notes, live: { commands: [{ name: ':p', help: 'panel' }, { name: ':c', arg: 'N', help: 'concept N' }], panel: true } };

  function liveTerminal() {
    const { io, input, shown } = fakeTerminal();
    const heard: Array<{ lines: string[]; command?: string }> = [];
    const onTyping = async (typing: { lines: readonly string[]; command?: { name: string; arg: string } }) => {
      heard.push({ lines: [...typing.lines], ...(typing.command ? { command: `${typing.command.name} ${typing.command.arg}`.trim() } : {}) });
      return [`PANEL after ${typing.lines.length} lines`];
    };
    return { io, input, heard, onTyping, shown };
  }

  it('hands over each line, a paste at once, and the commands in order; commands are not notes', async () => {
    const { io, input, heard, onTyping, shown } = liveTerminal();
    const answer = io.ask(live, onTyping);
    input.write('one\n');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    input.write('two\nthree\n');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    input.write(':c 2\n');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    input.write('.\n');
    expect(await answer).toEqual({ kind: 'text', text: 'one\ntwo\nthree' });
    expect(heard).toEqual([{ lines: [] }, { lines: ['one'] }, { lines: ['one', 'two', 'three'] }, { lines: ['one', 'two', 'three'], command: ':c 2' }]);
    // Not a terminal: the panel is printed when asked for (the first, and after a command), not after every line.
    expect(shown()).toContain('PANEL after 0 lines\n');
    expect(shown()).not.toContain('PANEL after 1 lines');
    expect(shown()).toContain('PANEL after 3 lines\n');
  });

  it('sets rows apart in a terminal only for an Ask with a panel (a practice draft has none)', async () => {
    for (const panel of [true, false]) {
      const { io, input, shown: screen } = fakeTerminal({ tty: { rows: 24, columns: 80 } });
      const answer = io.ask({ ...live, live: { commands: [], panel } }, async () => (panel ? ['PANEL'] : []));
      input.write('a line\n.\n');
      expect(await answer).toEqual({ kind: 'text', text: 'a line' });
      // The scroll region (rows 1-13 of 24) is set only when there is a panel.
      expect(screen().includes('\u001b[1;13r')).toBe(panel);
    }
  });

  it('redraws the panel on Ctrl-R, without a line', async () => {
    const { io, input, heard, onTyping } = liveTerminal();
    const answer = io.ask(live, onTyping);
    input.write('one\n');
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    const before = heard.length;
    input.write('\u0012');
    await new Promise((r) => setImmediate(r));
    expect(heard.length).toBe(before + 1);
    expect(heard.at(-1)).toEqual({ lines: ['one'] });
    input.write('.\n');
    expect(await answer).toEqual({ kind: 'text', text: 'one' });
  });

  it('shows the lines typed before and goes on from them', async () => {
    const { io, input, heard, onTyping, shown } = liveTerminal();
    const answer = io.ask({ ...live, typed: ['kept 1', 'kept 2'] }, onTyping);
    input.write('new\n.\n');
    expect(await answer).toEqual({ kind: 'text', text: 'kept 1\nkept 2\nnew' });
    expect(shown()).toContain('(2 lines typed before, kept; go on from here)\n  kept 1\n  kept 2\n');
    expect(heard[0]).toEqual({ lines: ['kept 1', 'kept 2'] });
  });

  it('saves the lines not yet handed over before Ctrl-C or :quit ends the prompt', async () => {
    for (const end of ['sigint', ':quit'] as const) {
      const { io, input, heard, onTyping } = liveTerminal();
      const answer = io.ask(live, onTyping);
      const settled = answer.then((value) => value, (error: Error) => (error instanceof CancelledError ? 'cancelled' : error));
      // Typed and ended in one go: the scheduled save has not run yet.
      input.write(end === ':quit' ? 'unsaved line\n:quit\n' : 'unsaved line\n');
      if (end === 'sigint') input.write('\u0003');
      expect(await settled).toEqual(end === ':quit' ? { kind: 'quit' } : 'cancelled');
      expect(heard.at(-1)?.lines).toEqual(['unsaved line']);
    }
  });

  it('a failed save ends the prompt with that error', async () => {
    const { io, input } = liveTerminal();
    const failing = async () => {
      throw new Error('disk full');
    };
    const answer = io.ask(live, failing);
    input.write('x\n');
    await expect(answer).rejects.toThrow('disk full');
  });
});
