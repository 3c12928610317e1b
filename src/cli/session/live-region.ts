import { Writable } from 'node:stream';
import type { OutputStream } from '../io.js';

const ESC = '\u001b';
const SAVE = `${ESC}7`;
const RESTORE = `${ESC}8`;
const CLEAR_LINE = `${ESC}[2K`;
const at = (row: number) => `${ESC}[${row};1H`;
const scrollRows = (top: number, bottom: number) => `${ESC}[${top};${bottom}r`;
const RESET_SCROLL = `${ESC}[r`;

/** A terminal's rows, when it says. */
export interface Rows {
  isTTY?: boolean;
  rows?: number;
}

/**
 * A panel kept in view while text is typed. In a terminal of at least `minRows` rows, the bottom
 * `height` rows are set apart (the rows above scroll, as the typed lines do) and each draw
 * replaces the panel in place; otherwise (not a terminal, or too small) the panel is printed
 * after what was typed when the user asks for it. `control` takes qbank's own cursor sequences; `screen` the panel's
 * text, which goes through the terminal writer like all other text.
 */
export class LiveRegion {
  private reserved: number | undefined;
  private last = '';

  constructor(
    private readonly control: NodeJS.WritableStream,
    private readonly screen: OutputStream,
    private readonly terminal: Rows,
    private readonly height: number,
    private readonly minRows = 20,
  ) {}

  /** Whether the panel is drawn in place (a terminal tall enough). */
  get inPlace(): boolean {
    return this.terminal.isTTY === true && (this.terminal.rows ?? 0) >= this.minRows;
  }

  /** Sets the bottom rows apart; call before the first prompt. */
  open(): void {
    if (!this.inPlace || this.reserved !== undefined) return;
    const rows = this.terminal.rows ?? 0;
    // Scroll what is on screen up by the panel's height, then keep the typing above it.
    this.control.write(`${'\n'.repeat(this.height)}${ESC}[${this.height}A${SAVE}${scrollRows(1, rows - this.height)}${RESTORE}`);
    this.reserved = rows;
  }

  /**
   * Replaces the panel with `text` (lines past the height are left out). Where it cannot be kept
   * in place, it is printed only when `asked` (the first time, and on the user's request), so the
   * typed lines are not buried under a copy of it after each one.
   */
  draw(text: string, asked = true): void {
    this.last = text;
    const lines = text.replace(/\n$/, '').split('\n');
    if (!this.inPlace) {
      if (text !== '' && asked) this.screen.write(text.endsWith('\n') ? text : `${text}\n`);
      return;
    }
    if (this.reserved !== (this.terminal.rows ?? 0)) {
      this.close();
      this.open();
    }
    const top = (this.reserved ?? 0) - this.height + 1;
    this.control.write(SAVE);
    for (let i = 0; i < this.height; i += 1) {
      this.control.write(`${at(top + i)}${CLEAR_LINE}`);
      const line = lines[i];
      if (line !== undefined && line !== '') this.screen.write(line);
    }
    this.control.write(RESTORE);
  }

  /** Draws the last panel again (readline clears the screen below its line when it redraws it). */
  repaint(): void {
    if (this.reserved !== undefined && this.last !== '') this.draw(this.last);
  }

  /**
   * The stream readline should write to: the terminal, with the panel drawn again after each of
   * readline's "clear below" sequences, which would wipe it out.
   */
  readlineOutput(target: NodeJS.WritableStream & Rows & { columns?: number }): NodeJS.WritableStream {
    if (!this.inPlace) return target;
    return new RepaintingOutput(target, () => this.repaint());
  }

  /** Clears the panel and gives the rows back to the scrolling text. */
  close(): void {
    if (this.reserved === undefined) return;
    const top = this.reserved - this.height + 1;
    let out = SAVE;
    for (let i = 0; i < this.height; i += 1) out += `${at(top + i)}${CLEAR_LINE}`;
    this.control.write(`${out}${RESET_SCROLL}${RESTORE}`);
    this.reserved = undefined;
  }
}

/** Forwards writes to a terminal and calls `cleared` after any that clears the screen below the cursor. */
class RepaintingOutput extends Writable {
  readonly isTTY = true;
  private readonly onResize = () => this.emit('resize');

  constructor(
    private readonly target: NodeJS.WritableStream & Rows & { columns?: number },
    private readonly cleared: () => void,
  ) {
    super({ decodeStrings: false });
    target.on('resize', this.onResize);
    this.once('close', () => target.removeListener('resize', this.onResize));
  }

  get columns(): number | undefined {
    return this.target.columns;
  }

  get rows(): number | undefined {
    return this.target.rows;
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : String(chunk);
    this.target.write(text);
    if (text.includes(`${ESC}[0J`) || text.includes(`${ESC}[J`)) this.cleared();
    done();
  }
}
