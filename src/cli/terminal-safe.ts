import { randomInt } from 'node:crypto';
import { CONTROL_CHARACTER_CLASS, visibleControlCharacter } from '../core/text/control-characters.js';
import type { OutputStream } from './io.js';

/*
 * Nothing from a question file, a history record, an interview log or an answer reaches the
 * terminal as a control sequence, and this file is the one place that makes it so.
 *
 * `run()` (main.ts) wraps stdout and stderr in a terminal writer before any command runs, so
 * everything written for a person passes `terminalText`: every control character (C0 but tab
 * and line feed, DEL, C1, and bidirectional overrides; see core/text/control-characters.ts) is
 * shown visibly, `\x1b` or `<U+202E>`, never emitted. A call site cannot forget it, because
 * the streams commands get are the wrapped ones.
 *
 * qbank's own colours survive because createStyle (style.ts) marks every SGR sequence chalk
 * writes with a per-process random nonce: `ESC[31m` leaves chalk as `ESC[?NONCE;31m`. The
 * writer turns marked sequences, and only those, back into plain SGR. A file cannot forge a
 * mark without the nonce, which is never printed. The mark is itself a well-formed CSI
 * sequence (a private `?` parameter), so wrap-ansi, string-width and cli-table3 measure it as
 * zero columns, as they do chalk's own codes.
 *
 * Machine formats (JSON, SARIF, `score --batch` lines) must keep the exact text: they are
 * written to `exactStream(io.stdout)`, the stream under the writer. So is everything inquirer
 * draws, since it writes its own cursor sequences; its labels are passed through
 * `terminalText` first (session/terminal-io.ts).
 */

const ESC = '\u001b';
const NONCE = Array.from({ length: 3 }, () => randomInt(1000, 10000)).join(';');
/** What follows `ESC[` in a sequence qbank's styling wrote. */
const MARK = `?${NONCE};`;
/** Stands in for an ESC from the text while chalk styles it, so chalk's own are the only ones. */
const RAW_ESC = `\u0000${NONCE}\u0000`;

const UNSAFE = new RegExp(`${ESC}\\[\\?${NONCE};([0-9;]*m)|\\r\\n|${CONTROL_CHARACTER_CLASS}`, 'g');

/** Text as a terminal may receive it: controls shown visibly, qbank's marked colours restored. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (found, sgr: string | undefined) => {
    if (sgr !== undefined) return `${ESC}[${sgr}`;
    if (found === '\r\n') return found;
    return visibleControlCharacter(found);
  });
}

/**
 * Applies a chalk style to `text` so that the SGR sequences chalk adds carry the mark and
 * nothing else does: an ESC already in the text (from a file) stays unmarked for the writer to
 * neutralise; marked sequences from inner styles are unmarked first, so chalk nests them.
 */
export function markedStyle(style: (text: string) => string, text: string): string {
  const prepared = text.replaceAll(ESC, RAW_ESC).replaceAll(`${RAW_ESC}[${MARK}`, `${ESC}[`);
  return style(prepared).replaceAll(`${ESC}[`, `${ESC}[${MARK}`).replaceAll(RAW_ESC, ESC);
}

/** A stream for people: what is written passes `terminalText`. */
class TerminalWriter implements OutputStream {
  constructor(readonly exact: OutputStream) {}

  write(chunk: string): unknown {
    return this.exact.write(terminalText(String(chunk)));
  }

  get isTTY(): boolean | undefined {
    return this.exact.isTTY;
  }

  get columns(): number | undefined {
    return this.exact.columns;
  }
}

/** Wraps `stream` in a terminal writer (once: a wrapped stream is returned as it is). */
export function terminalStream(stream: OutputStream): OutputStream {
  return stream instanceof TerminalWriter ? stream : new TerminalWriter(stream);
}

/**
 * The stream under a terminal writer: for machine formats, which keep the exact text, and for
 * code that draws the terminal itself (inquirer, readline).
 */
export function exactStream(stream: OutputStream): OutputStream {
  return stream instanceof TerminalWriter ? stream.exact : stream;
}
