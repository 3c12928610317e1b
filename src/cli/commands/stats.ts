import { Command } from 'commander';
import { examples, type CommandContext } from '../context.js';

export function statsCommand(context: CommandContext): Command {
  return new Command('stats')
    .description('your progress: attempts and scores by topic and level, a trend chart, concepts most missed, reviews due')
    .option('--json', 'print the figures as JSON')
    .addHelpText('after', examples(['qbank stats', 'qbank stats --json', 'QBANK_HOME=~/interview-prep qbank stats']))
    .action(async (flags: { json?: boolean }) => {
      const { loadHistory } = await import('../../adapters/history-store.js');
      const { computeStats } = await import('../../core/practice/stats.js');
      const { clockFrom } = await import('../../adapters/clock.js');
      const { io } = context;
      const { history, warnings } = await loadHistory(io.env);
      for (const warning of warnings) io.stderr.write(`qbank: warning: ${warning}\n`);
      const stats = computeStats(history, clockFrom(io.env).now());
      if (flags.json) {
        const { exactStream } = await import('../terminal-safe.js');
        exactStream(io.stdout).write(`${JSON.stringify(stats, null, 2)}\n`);
        return;
      }
      const { renderStats } = await import('../practice/render-stats.js');
      const { createStyle } = await import('../style.js');
      const { outputWidth } = await import('../io.js');
      io.stdout.write(renderStats(stats, { style: createStyle(io.stdout, io.env), width: outputWidth(io.stdout) }));
    });
}
