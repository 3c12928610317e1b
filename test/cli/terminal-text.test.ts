import { PassThrough } from 'node:stream';
import * as inquirer from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { createStyle } from '../../src/cli/style.js';
import { exactStream, terminalStream, terminalText } from '../../src/cli/terminal-safe.js';
import { TerminalIO, type Prompts } from '../../src/cli/session/terminal-io.js';

const colour = () => createStyle({ write: () => true, isTTY: true }, {});
const chalk = new Chalk({ level: 1 });

describe('terminalText', () => {
  it.each([
    ['ESC and an OSC 52 clipboard write', '\u001b]52;c;aGk=\u0007', '\\x1b]52;c;aGk=\\x07'],
    ['a screen clear', 'a\u001b[2Jb', 'a\\x1b[2Jb'],
    ['an SGR sequence from a file', '\u001b[8mhidden\u001b[0m', '\\x1b[8mhidden\\x1b[0m'],
    ['the 8-bit CSI', '\u009b31m', '\\x9b31m'],
    ['DEL and NUL', 'a\u007fb\u0000', 'a\\x7fb\\x00'],
    ['a lone carriage return', 'safe\rspoofed', 'safe\\x0dspoofed'],
    ['bidi overrides and isolates', 'abc\u202edef\u2066x\u2069', 'abc<U+202E>def<U+2066>x<U+2069>'],
    ['a guessed mark', '\u001b[?1234;5678;9012;8m', '\\x1b[?1234;5678;9012;8m'],
  ])('shows %s visibly', (_name, text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it('keeps newlines, tabs, CRLF and ordinary Unicode', () => {
    const text = 'line\tone\r\nline two → café ✔ “quoted” 日本\n';
    expect(terminalText(text)).toBe(text);
  });
});

describe("qbank's own colours", () => {
  it('reach the terminal as the SGR sequences chalk writes, nested styles included', () => {
    const style = colour();
    const ours = style.red(`a ${style.green('b')} c ${style.bold.underline('d')}`) + style.dim('multi\nline');
    const plain = chalk.red(`a ${chalk.green('b')} c ${chalk.bold.underline('d')}`) + chalk.dim('multi\nline');
    expect(ours).not.toContain('\u001b[31m');
    expect(terminalText(ours)).toBe(plain);
  });

  it('do not lend their colour to an escape sequence inside the styled text', () => {
    const styled = colour().bold('title \u001b[8mhidden');
    expect(terminalText(styled)).toBe('\u001b[1mtitle \\x1b[8mhidden\u001b[22m');
  });

  it('are plain text with colour off', () => {
    const style = createStyle({ write: () => true, isTTY: true }, { NO_COLOR: '1' });
    expect(terminalText(style.bold('x \u001b[2J'))).toBe('x \\x1b[2J');
  });
});

describe('the terminal writer', () => {
  it('neutralises what it writes; the exact stream underneath gets the text as given', () => {
    let written = '';
    const stream = { write: (chunk: string) => (written += chunk), isTTY: true, columns: 120 };
    const writer = terminalStream(stream);
    expect(terminalStream(writer)).toBe(writer);
    expect([writer.isTTY, writer.columns]).toEqual([true, 120]);
    writer.write('a\u001b[2J');
    exactStream(writer).write('{"t":"\u009b"}');
    expect(written).toBe('a\\x1b[2J{"t":"\u009b"}');
    expect(exactStream(stream)).toBe(stream);
  });
});

describe('the terminal adapter', () => {
  /** Runs the real inquirer prompt under @inquirer/testing and presses enter. */
  function prompts(screens: string[]): Prompts {
    const drive = (kind: keyof Prompts) => async (config: unknown) => {
      const { answer, events, getScreen } = await render(inquirer[kind] as unknown as Parameters<typeof render>[0], config as never);
      screens.push(getScreen({ raw: true }));
      events.keypress('enter');
      return answer;
    };
    return { select: drive('select'), checkbox: drive('checkbox'), confirm: drive('confirm') } as unknown as Prompts;
  }

  it('shows hostile labels in prompts, blocks and messages visibly', async () => {
    const screens: string[] = [];
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const io = new TerminalIO<string>(input, output as unknown as ConstructorParameters<typeof TerminalIO<string>>[1], (b) => b.join(''), 80, prompts(screens));

    io.show(['Block \u001b]0;owned\u0007\n']);
    const ticks = await io.ask({
      kind: 'checklist',
      id: 'concepts',
      message: 'Concepts \u001b[2J',
      items: [{ value: 'a', label: 'Head\u202eroom \u001b[8m', checked: true }],
    });
    expect(ticks).toEqual({ kind: 'checklist', values: ['a'] });
    const answer = io.ask({ kind: 'text', id: 'q', message: 'Answer \u009b8m', allowEditor: false });
    input.write('x\n\n');
    await answer;

    expect(screens[0]).toContain('Concepts \\x1b[2J');
    expect(screens[0]).toContain('Head<U+202E>room \\x1b[8m');
    expect(screens[0]).not.toMatch(/\u001b\[2J|\u001b\[8m|\u202e/);
    expect(shown).toContain('Block \\x1b]0;owned\\x07\n');
    expect(shown).toContain('Answer \\x9b8m\n');
    expect(shown).not.toMatch(/\u001b\]|\u009b/);
  });
});
