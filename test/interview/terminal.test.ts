import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderBlocks } from '../../src/cli/interview/render-blocks.js';
import { fitLabel, TerminalIO } from '../../src/cli/session/terminal-io.js';
import { createStyle } from '../../src/cli/style.js';
import type { Ask } from '../../src/core/session/interaction.js';
import { drive, machine } from './helpers.js';

function terminal() {
  const input = new PassThrough();
  const output = new PassThrough();
  let shown = '';
  output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
  const io = new TerminalIO<unknown>(input, output as unknown as ConstructorParameters<typeof TerminalIO<unknown>>[1], () => '', 80);
  return { io, input, shown: () => shown };
}

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
