import { Command } from 'commander';
import { examples, type CommandContext } from '../context.js';

interface HistoryFlags {
  id?: string;
  json?: boolean;
  export?: string;
}

export function historyCommand(context: CommandContext): Command {
  return new Command('history')
    .description('your past attempts, newest last; --export writes them all as JSON')
    .option('--id <id>', 'only attempts at this question')
    .option('--json', 'print the attempts as JSON')
    .option('--export <file>', 'write the attempts (with follow-up answers and full results) to a JSON file')
    .addHelpText('after', examples(['qbank history', 'qbank history --id raft-log-compaction-L4-001', 'qbank history --export my-history.json']))
    .action(async (flags: HistoryFlags) => {
      const { loadHistory } = await import('../../adapters/history-store.js');
      const { io } = context;
      const { history, warnings } = await loadHistory(io.env);
      for (const warning of warnings) io.stderr.write(`qbank: warning: ${warning}\n`);
      const attempts = history.attempts.filter((a) => flags.id === undefined || a.questionId === flags.id);
      let none: string | undefined;
      if (flags.id !== undefined && attempts.length === 0) {
        // An id that is neither in the history nor in the bank is a mistake: exit 2 with the ids there are.
        const { noAttemptsAt } = await import('../practice/history-id.js');
        none = await noAttemptsAt(io, flags.id, history.attempts);
      }
      if (flags.export !== undefined) {
        const { exportJson } = await import('../../adapters/export-file.js');
        const file = await exportJson(io.cwd, flags.export, { version: 1, exportedAt: new Date().toISOString(), attempts });
        io.stdout.write(`Wrote ${attempts.length} attempt${attempts.length === 1 ? '' : 's'} to ${file}\n`);
        return;
      }
      if (flags.json) {
        const { exactStream } = await import('../terminal-safe.js');
        exactStream(io.stdout).write(`${JSON.stringify(attempts, null, 2)}\n`);
        return;
      }
      const { renderHistory } = await import('../practice/render-history.js');
      const { createStyle } = await import('../style.js');
      const { outputWidth } = await import('../io.js');
      io.stdout.write(none ?? renderHistory(attempts, createStyle(io.stdout, io.env), io.stdout.isTTY ? outputWidth(io.stdout) : undefined));
    });
}
