import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { inputLines, MAX_BATCH_LINE_BYTES } from '../../src/cli/batch-lines.js';

describe('batch input lines', () => {
  const split = async (chunks: Array<string | Buffer>, max?: number) => {
    const found: Array<string | 'too long'> = [];
    const numbers: number[] = [];
    for await (const lines of inputLines(Readable.from(chunks), max)) {
      for (const line of lines) {
        found.push(line.text ?? 'too long');
        numbers.push(line.number);
      }
    }
    expect(numbers).toEqual(found.map((_, i) => i + 1));
    return found;
  };

  it.each([
    ['splits on \\n only, keeping a lone \\r inside a line', ['a\rb\nc'], ['a\rb', 'c']],
    ['drops one trailing \\r', ['a\r\nb\r\n'], ['a', 'b']],
    ['strips a byte order mark from line 1 only', ['\uFEFFa\n\uFEFFb\n'], ['a', '\uFEFFb']],
    ['keeps blank lines as lines', ['a\n\n\nb\n'], ['a', '', '', 'b']],
    ['joins a line split across chunks, and a character split across them', [Buffer.from('{"a":"'), Buffer.from([0xc3]), Buffer.from([0xa9]), Buffer.from('"}\n')], ['{"a":"é"}']],
    ['reads a last line without its newline', ['a\nb'], ['a', 'b']],
  ])('%s', async (_name, chunks, expected) => {
    expect(await split(chunks as Array<string | Buffer>)).toEqual(expected);
  });

  it('marks a line over the cap as too long, across chunks, and goes on with the next', async () => {
    expect(await split(['12345', '67\nok\n', '123456789'], 6)).toEqual(['too long', 'ok', 'too long']);
  });

  it('checks every line of a chunk against the cap, however many lines the chunk holds', async () => {
    expect(await split(['a\n1234567\nb\n\nc\n'], 6)).toEqual(['a', 'too long', 'b', '', 'c']);
    expect(await split(['a\nb\n\nc\nd'], 6)).toEqual(['a', 'b', '', 'c', 'd']);
  });
});

it('caps a line at 1 MiB by default', () => {
  expect(MAX_BATCH_LINE_BYTES).toBe(1024 * 1024);
});
