import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress-line.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (chunk: string) => writes.push(chunk) } };
}

describe('progressLine', () => {
  it('writes nothing when the stream is not a terminal', () => {
    const { writes, out } = stream(false);
    const progress = progressLine(out);
    progress.update('working', true);
    progress.done();
    expect(writes).toEqual([]);
  });

  it('redraws one line at most every interval on a terminal, forced updates always, and clears it at the end', () => {
    const { writes, out } = stream(true);
    let now = 0;
    const progress = progressLine(out, () => now, 100);
    progress.update('1 of 3');
    now = 50;
    progress.update('2 of 3');
    progress.update('3 of 3', true);
    now = 200;
    progress.update('fitting');
    progress.done();
    expect(writes).toEqual(['\r\u001b[2K1 of 3', '\r\u001b[2K3 of 3', '\r\u001b[2Kfitting', '\r\u001b[2K']);
  });
});
