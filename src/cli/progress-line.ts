import type { OutputStream } from './io.js';

/** A one-line progress report on a terminal, redrawn in place; silent on anything else. */
export interface ProgressLine {
  /** Shows `text` (at most every `interval` ms, unless `force`). */
  update(text: string, force?: boolean): void;
  /** Clears the line. */
  done(): void;
}

/**
 * Progress for `stream` (stderr, under the terminal writer: the text is qbank's own): drawn only
 * when it is a terminal, so pipes, files and tests see none of it.
 */
export function progressLine(stream: OutputStream, now: () => number = Date.now, interval = 100): ProgressLine {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = -Infinity;
  let shown = false;
  return {
    update(text, force = false) {
      const time = now();
      if (!force && time - last < interval) return;
      last = time;
      shown = true;
      stream.write(`\r\u001b[2K${text}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
