import type { Ask, Input } from '../../core/session/interaction.js';
import type { OutputStream } from '../io.js';
import type { OnTyping, SessionIO } from './driver.js';
import { ScriptBlocks } from './script-blocks.js';
import { TEXT_COMMANDS } from './text-commands.js';

/**
 * A session fed from a script (stdin when it is not a terminal): each free-text or letter
 * question takes the next block; a line `:skip` in it skips, `:quit` (or the end of the
 * script) quits.
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

  async ask(ask: Ask, onTyping?: OnTyping<Block>): Promise<Input> {
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
    // A live Ask hears each line as it arrives (lines typed before first), commands left out.
    const typed = ask.kind === 'text' ? (ask.typed ?? []) : [];
    const live = ask.kind === 'text' && ask.live && onTyping;
    const block = await this.blocks.next(
      live ? async (lines) => void (await onTyping({ lines: [...typed, ...lines.filter((line) => !TEXT_COMMANDS.has(line.trim()))] })) : undefined,
    );
    if (block === undefined) return { kind: 'quit' };
    // `:quit` or `:skip` alone on a line acts wherever it is in the block, as at a terminal;
    // `:e` (no editor without a terminal) is dropped, never taken as answer text.
    const lines = block.split('\n');
    const command = lines.map((line) => line.trim()).find((line) => line === ':quit' || line === ':skip');
    if (command === ':quit') return { kind: 'quit' };
    const text = lines.filter((line) => line.trim() !== ':e').join('\n').trim();
    if (command === ':skip' || (text === '' && typed.length === 0)) return { kind: 'skip' };
    if (ask.kind === 'letter') return { kind: 'letter', letter: text.split('\n')[0]?.trim().toUpperCase() ?? '' };
    return { kind: 'text', text: [...typed, text].join('\n').trim() };
  }
}
