import type { OnTyping } from './driver.js';

/**
 * Hands the lines of a live text prompt to the session as they are typed, in order, one save at
 * a time: lines that come together (a paste) go in one call once all have arrived; a command
 * goes at once. What the session returns is drawn in the panel, if there is one. A failed save
 * is kept and reported through `failed`, which ends the prompt.
 */
export class TypingRelay<Block> {
  private saving: Promise<void> = Promise.resolve();
  private sent: number;
  private scheduled = false;
  private stopped = false;
  failure: Error | undefined;

  constructor(
    private readonly lines: readonly string[],
    private readonly onTyping: OnTyping<Block>,
    private readonly draw: (blocks: readonly Block[], asked: boolean) => void,
    private readonly failed: (error: Error) => void,
  ) {
    this.sent = lines.length;
  }

  /**
   * Sends the lines so far (with a command); `asked`: the user wants the panel now (the first
   * one, a command, Ctrl-R), not only the lines saved.
   */
  send(command?: { name: string; arg: string }, asked = command !== undefined): void {
    const snapshot = [...this.lines];
    this.sent = snapshot.length;
    this.saving = this.saving.then(async () => {
      if (this.failure) return;
      try {
        const blocks = await this.onTyping(command ? { lines: snapshot, command } : { lines: snapshot });
        if (!this.stopped) this.draw(blocks, asked);
      } catch (error) {
        this.failure = error as Error;
        this.failed(this.failure);
      }
    });
  }

  /** Sends once the lines arriving together have all come (after this turn of the event loop). */
  sendSoon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) this.send();
    });
  }

  /** Sends the lines not sent yet, if any. */
  flush(): void {
    if (!this.failure && this.sent !== this.lines.length) this.send();
  }

  /** No more drawing or scheduled sends: the prompt is ending. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once every save so far is done. */
  get saved(): Promise<void> {
    return this.saving;
  }
}
