import type { Ask, Input } from '../../core/session/interaction.js';
import type { OutputStream } from '../io.js';
import type { SessionIO } from './driver.js';
import { ScriptBlocks } from './script-blocks.js';

/**
 * A session fed from a script (stdin when it is not a terminal): each free-text or letter
 * question takes the next block; `:skip` skips, `:quit` (or the end of the script) quits.
 * Confirmations, choices and checklists take their defaults without reading a block. What a
 * terminal would show is printed as plain text.
 */
export class ScriptedIO<Block> implements SessionIO<Block> {
  private readonly blocks: ScriptBlocks;

  constructor(
    input: NodeJS.ReadableStream,
    private readonly output: OutputStream,
    private readonly render: (blocks: readonly Block[]) => string,
  ) {
    this.blocks = new ScriptBlocks(input);
  }

  show(blocks: readonly Block[]): void {
    const text = this.render(blocks);
    if (text !== '') this.output.write(text);
  }

  async ask(ask: Ask): Promise<Input> {
    switch (ask.kind) {
      case 'confirm':
        return { kind: 'confirm', value: ask.default };
      case 'choice':
        return { kind: 'choice', value: ask.default };
      case 'checklist':
        return { kind: 'checklist', values: ask.items.filter((item) => item.checked).map((item) => item.value) };
      default:
        break;
    }
    const block = await this.blocks.next();
    if (block === undefined || block === ':quit') return { kind: 'quit' };
    if (block === ':skip' || block === '') return { kind: 'skip' };
    if (ask.kind === 'letter') return { kind: 'letter', letter: block.split('\n')[0]?.trim().toUpperCase() ?? '' };
    return { kind: 'text', text: block };
  }
}
