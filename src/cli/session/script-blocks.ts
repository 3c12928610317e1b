import { createInterface } from 'node:readline';

/**
 * Reads a script from a stream as blocks separated by lines holding only `---`, one block at a
 * time as the lines arrive. `next()` resolves with undefined once the stream has ended, so a
 * closed stdin never leaves a session waiting.
 */
export class ScriptBlocks {
  private readonly lines: AsyncIterator<string>;
  private ended = false;

  constructor(stream: NodeJS.ReadableStream) {
    this.lines = createInterface({ input: stream, crlfDelay: Infinity })[Symbol.asyncIterator]();
  }

  async next(): Promise<string | undefined> {
    if (this.ended) return undefined;
    const block: string[] = [];
    for (;;) {
      const { value, done } = await this.lines.next();
      if (done) {
        this.ended = true;
        const text = block.join('\n').trim();
        return text === '' ? undefined : text;
      }
      if (value.trim() === '---') return block.join('\n').trim();
      block.push(value);
    }
  }
}
