/** The longest batch line qbank reads, in bytes (1 MiB); a longer line is skipped unread. */
export const MAX_BATCH_LINE_BYTES = 1024 * 1024;

/** One line of a JSON Lines input, numbered from 1. */
export type InputLine =
  /** The line's text: no `\n`, no trailing `\r`, and on line 1 no byte order mark. */
  | { number: number; text: string; tooLong?: undefined }
  /** The line passed the cap; its bytes were dropped as they came, never held whole. */
  | { number: number; text?: undefined; tooLong: true };

/** A problem with one batch line: it becomes that line's `{"line", "error"}`. */
export class BatchLineError extends Error {}

/**
 * Splits a byte stream into lines on `\n` only (a lone `\r` is part of its line; JSON reads it
 * as white space), yielding the lines each chunk completes. Not readline: readline keeps a
 * line whole however long it is, and a line longer than V8's longest string throws inside it.
 * Here a line is held only up to `maxBytes`; past that its bytes are dropped until the next
 * `\n`, so memory stays at one line of the cap plus one chunk.
 */
export async function* inputLines(input: AsyncIterable<Buffer | string>, maxBytes = MAX_BATCH_LINE_BYTES): AsyncGenerator<InputLine[]> {
  const splitter = new LineSplitter(maxBytes);
  for await (const chunk of input) {
    const lines = splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
    if (lines.length > 0) yield lines;
  }
  const last = splitter.end();
  if (last) yield [last];
}

class LineSplitter {
  /** The start of the line the next chunk continues. */
  private parts: Buffer[] = [];
  private held = 0;
  private skipping = false;
  private number = 0;

  constructor(private readonly maxBytes: number) {}

  push(bytes: Buffer): InputLine[] {
    const lines: InputLine[] = [];
    let newline = bytes.indexOf(0x0a);
    if (newline === -1) {
      this.hold(bytes, 0, bytes.length);
      return lines;
    }
    this.hold(bytes, 0, newline);
    lines.push(this.finish());
    let start = newline + 1;
    const last = bytes.lastIndexOf(0x0a);
    if (last - start <= this.maxBytes) {
      // Every line between here and the last newline is shorter than the cap: one decode for all.
      // (A newline byte is never inside a UTF-8 sequence, so the cuts fall between characters.)
      if (last >= start) for (const text of bytes.toString('utf8', start, last).split('\n')) lines.push(this.line(text));
      start = last + 1;
    } else {
      for (newline = bytes.indexOf(0x0a, start); newline !== -1; newline = bytes.indexOf(0x0a, start)) {
        this.hold(bytes, start, newline);
        lines.push(this.finish());
        start = newline + 1;
      }
    }
    this.hold(bytes, start, bytes.length);
    return lines;
  }

  /** The last line, when the input does not end with a newline. */
  end(): InputLine | undefined {
    return this.held > 0 || this.skipping ? this.finish() : undefined;
  }

  private hold(bytes: Buffer, start: number, end: number): void {
    if (this.skipping || end === start) return;
    if (this.held + (end - start) > this.maxBytes) {
      this.skipping = true;
      this.parts = [];
      this.held = 0;
      return;
    }
    this.parts.push(bytes.subarray(start, end));
    this.held += end - start;
  }

  private finish(): InputLine {
    if (this.skipping) {
      this.skipping = false;
      this.number += 1;
      return { number: this.number, tooLong: true };
    }
    const bytes = this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, this.held);
    this.parts = [];
    this.held = 0;
    return this.line(bytes.toString('utf8'));
  }

  private line(raw: string): InputLine {
    this.number += 1;
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.number === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { number: this.number, text };
  }
}
