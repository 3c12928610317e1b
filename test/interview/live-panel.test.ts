import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { HEARD_PANEL_MAX_ROWS, renderHeard, renderProbeHeard } from '../../src/cli/interview/render-heard.js';
import { LiveRegion } from '../../src/cli/session/live-region.js';
import { createStyle } from '../../src/cli/style.js';
import { terminalStream } from '../../src/cli/terminal-safe.js';
import type { HeardSoFar } from '../../src/core/interview/heard-so-far.js';

const plain = createStyle({ write: () => true }, {});

const LONG: HeardSoFar = {
  mandatory: [
    { name: 'Crash or Partition Look the Same From Here', heard: 'partly', credit: 0.4 },
    { name: 'Split Brain', heard: 'heard', credit: 1 },
    { name: 'Atomic Test-and-Set on Shared Storage', heard: 'not_heard', credit: 0 },
    { name: 'Loser Halts Itself', heard: 'not_heard', credit: 0 },
    { name: 'Wait While Storage Is Unreachable', heard: 'not_heard', credit: 0 },
    { name: 'Reset the Flag for a New Backup', heard: 'not_heard', credit: 0 },
    { name: 'Fencing', heard: 'not_heard', credit: 0 },
  ],
  keywordsHeard: ['split brain', 'go live', 'network partition', 'heartbeat', 'shared storage', 'logging channel', 'atomic'],
  keywordTotal: 15,
  redFlags: ['Assuming a missed heartbeat proves the other host crashed', 'Proposing a shorter heartbeat timeout'],
  proposal: {
    concept: 'Atomic Test-and-Set on Shared Storage',
    source: 'follow-up',
    tier: 'partial',
    question: 'Two processes both run the operation on the same flag within a millisecond of each other. Why is exactly one of them guaranteed to win, what does the loser do next, and what happens to the clients of the loser while it decides? Think it through.',
  },
  proposalIndex: 2,
};

describe('the live panel as drawn', () => {
  it('fits 80 columns and at most the rows set apart for it, however long the rubric', () => {
    const lines = renderHeard({ timer: '3:10 of 8-10 min', heard: LONG, asked: 2, note: 'Noted: probe for Split Brain asked.' }, plain, 80);
    expect(lines.length).toBeLessThanOrEqual(HEARD_PANEL_MAX_ROWS);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^── Heard so far · 3:10 of 8-10 min · 2 probes asked ─+$/);
    expect(lines.join('\n')).toContain('◐1 Crash or Partition Look…');
    expect(lines.join('\n')).toContain('✓2 Split Brain');
    expect(lines.join('\n')).toContain('for 3 Atomic Test-and-Set on Shared Storage (the guided probe):');
  });

  it("a follow-up's panel lists its items heard and not, within 80 columns and the rows set apart", () => {
    const items = Array.from({ length: 9 }, (_, i) => ({ text: `Item ${i + 1}: ${'a long description of what the follow-up looks for '.repeat(2)}`, heard: i % 2 === 0 }));
    const lines = renderProbeHeard({ timer: '1:00 of 6-8 min', probe: 'follow_up', items, redFlags: ['Proposing to release output before the acknowledgment'] }, plain, 80);
    expect(lines.length).toBeLessThanOrEqual(HEARD_PANEL_MAX_ROWS);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines[0]).toMatch(/^── Follow-up heard so far · 5 of 9 · 1:00 of 6-8 min ─+$/);
    expect(lines[1]).toMatch(/^Items {6}✓1 Item 1: /);
    expect(lines[2]).toMatch(/^ {11}·2 Item 2: /);
    expect(lines.join('\n')).toContain('… and 2 more');
    expect(lines.join('\n')).toContain('Red flags  Proposing to release output before the acknowledgment');
  });

  it('says when every mandatory concept is heard', () => {
    const all: HeardSoFar = { ...LONG, mandatory: LONG.mandatory.map((c) => ({ ...c, heard: 'heard' as const })), proposal: undefined, proposalIndex: undefined };
    expect(renderHeard({ timer: '1:00', heard: all, asked: 0 }, plain, 80).join('\n')).toContain('every mandatory concept heard');
  });
});

/** A terminal-like stream: records what is written, with a size. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  columns = 80;
  written = '';
  constructor(public rows: number) {
    super();
  }
  write(chunk: string): boolean {
    this.written += chunk;
    return true;
  }
}

describe('the panel kept in view (a live region)', () => {
  it('sets the bottom rows apart in a terminal and draws the panel there in place', () => {
    const tty = new FakeTerminal(24);
    const region = new LiveRegion(tty as unknown as NodeJS.WritableStream, terminalStream(tty), tty, 11);
    expect(region.inPlace).toBe(true);
    region.open();
    // Room made, then rows 1-13 scroll.
    expect(tty.written).toBe(`${'\n'.repeat(11)}\u001b[11A\u001b7\u001b[1;13r\u001b8`);
    tty.written = '';
    region.draw('line one\nline two\n');
    expect(tty.written.startsWith('\u001b7\u001b[14;1H\u001b[2Kline one\u001b[15;1H\u001b[2Kline two\u001b[16;1H\u001b[2K')).toBe(true);
    expect(tty.written.endsWith('\u001b[24;1H\u001b[2K\u001b8')).toBe(true);
    tty.written = '';
    region.close();
    expect(tty.written.endsWith('\u001b[r\u001b8')).toBe(true);
  });

  it("draws the panel again after readline's clear-below, which would wipe it out", () => {
    const tty = new FakeTerminal(24);
    const region = new LiveRegion(tty as unknown as NodeJS.WritableStream, terminalStream(tty), tty, 11);
    region.open();
    region.draw('PANEL\n');
    const output = region.readlineOutput(tty as unknown as NodeJS.WritableStream & { rows?: number });
    tty.written = '';
    output.write('\u001b[1G\u001b[0J> typed');
    expect(tty.written).toContain('\u001b[0J> typed');
    expect(tty.written).toContain('PANEL');
  });

  it('a file cannot draw over the terminal: panel text passes the terminal writer', () => {
    const tty = new FakeTerminal(24);
    const region = new LiveRegion(tty as unknown as NodeJS.WritableStream, terminalStream(tty), tty, 11);
    region.open();
    tty.written = '';
    region.draw('evil \u001b[2J name\n');
    expect(tty.written).not.toContain('\u001b[2J');
    expect(tty.written).toContain('\\x1b[2J');
  });

  it('prints the panel after the text, when asked for, when not a terminal or in one too small', () => {
    for (const tty of [Object.assign(new FakeTerminal(24), { isTTY: false }), new FakeTerminal(12)]) {
      const region = new LiveRegion(tty as unknown as NodeJS.WritableStream, terminalStream(tty), tty, 11);
      region.open();
      region.draw('PANEL 1\n');
      region.draw('PANEL 2\n', false);
      region.draw('PANEL 3\n', true);
      region.close();
      expect(tty.written).toBe('PANEL 1\nPANEL 3\n');
    }
  });
});
