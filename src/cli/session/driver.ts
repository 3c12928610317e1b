import type { Clock } from '../../core/ports.js';
import type { Ask, Input, SessionMachine } from '../../core/session/interaction.js';

/** How a session reaches its user: a terminal, or a script. */
export interface SessionIO<Block> {
  show(blocks: readonly Block[]): void;
  /** Resolves with the user's input; rejects with CancelledError on Ctrl-C. */
  ask(ask: Ask): Promise<Input>;
}

/**
 * Runs a session to its end: performs each step's effects (so what is done is saved before the
 * next question), shows its blocks, asks, and feeds the input back.
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
    const input = await io.ask(step.ask);
    step = machine.handle(input, clock.now());
  }
}
