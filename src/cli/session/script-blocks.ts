import { createInterface } from 'node:readline';

/**
 * Reads a script from a stream as blocks separated by lines holding only `---`, one block at a
 * time as the lines arrive. `next()` resolves with undefined once the stream has ended, so a
 * closed stdin never leaves a session waiting.
 */
export class ScriptBlocks {
  private readonly lines: AsyncIterator<string>;
  private ended = false;
  /** Lines read so far. */
  private count = 0;
  /**
   * The block `next()` returned last as it stands in the stream, untrimmed, and the 1-based line
   * it starts on: a message about it can name the line and column.
   */
  last = { text: '', line: 1 };

  constructor(stream: NodeJS.ReadableStream) {
    this.lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  /** The next block; `onLine` hears the block's lines so far after each one arrives (and is awaited). */
  async next(onLine?: (lines: readonly string[]) => Promise<void>): Promise<string | undefined> {
    if (this.ended) return undefined;
    const block: string[] = [];
    const start = this.count + 1;
    const finish = () => {
      this.last = { text: block.join('\n'), line: start };
      return block.join('\n').trim();
    };
    for (;;) {
      const { value, done } = await this.lines.next();
      if (done) {
        this.ended = true;
        const text = finish();
        return text === '' ? undefined : text;
      }
      this.count += 1;
      if (value.trim() === '---') return finish();
      block.push(value);
      if (onLine) await onLine(block);
    }
  }
}
