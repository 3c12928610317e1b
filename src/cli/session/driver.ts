import type { Clock } from '../../core/ports.js';
import type { Ask, Input, SessionMachine, Typing } from '../../core/session/interaction.js';

/** Called by the adapter with the text of a live Ask so far; resolves once its records are saved, with what to show. */
export type OnTyping<Block> = (typing: Typing) => Promise<readonly Block[]>;

/** How a session reaches its user: a terminal, or a script. */
export interface SessionIO<Block> {
  show(blocks: readonly Block[]): void;
  /**
   * Resolves with the user's input; rejects with CancelledError on Ctrl-C. For a live text Ask,
   * `onTyping` gets the lines as they are entered (and the Ask's line commands), in order.
   */
  ask(ask: Ask, onTyping?: OnTyping<Block>): Promise<Input>;
}

/**
 * Runs a session to its end: performs each step's effects (so what is done is saved before the
 * next question), shows its blocks, asks, and feeds the input back. While a live text Ask is
 * answered, each line typed is passed to the session and its records saved before the next.
 */
export async function driveSession<Block, Effect>(
  machine: SessionMachine<Block, Effect>,
  io: SessionIO<Block>,
  clock: Clock,
  perform: (effect: Effect) => Promise<void>,
): Promise<void> {
  let step = machine.start(clock.now());
  for (;;) {
    for (const effect of step.effects) await perform(effect);
    io.show(step.blocks);
    if (!step.ask) return;
    const { typing } = machine;
    const onTyping: OnTyping<Block> | undefined =
      step.ask.kind === 'text' && step.ask.live && typing
        ? async (text) => {
            const typed = typing.call(machine, text, clock.now());
            for (const effect of typed.effects) await perform(effect);
            return typed.blocks;
          }
        : undefined;
    const input = await io.ask(step.ask, onTyping);
    step = machine.handle(input, clock.now());
  }
}
