import { Command, Option } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';

interface LintFlags {
  format: 'stylish' | 'json';
  bank?: string[];
  quiet?: boolean;
  maxWarnings?: string;
}

export function lintCommand(context: CommandContext): Command {
  return new Command('lint')
    .description('check question files for mistakes, with file, line and column for each')
    .argument('[paths...]', 'files or folders to check (default: the bank)')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('--bank <dir>', 'bank folder to check when no paths are given (repeatable)', collect)
    .addHelpText('after', examples([
      'qbank lint',
      'qbank lint questions/raft',
      'qbank lint draft.md --format json',
      'qbank lint --quiet --max-warnings 0',
    ]) + '\nExit codes: 0 no errors, 1 errors (or too many warnings), 2 qbank could not run.\n')
    .action(async (paths: string[], flags: LintFlags) => {
      const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
        throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${flags.maxWarnings}"`);
      }
      const { lintPaths } = await import('../lint-paths.js');
      const { formatLintJson } = await import('../reporters/lint-json.js');
      const { formatLintStylish } = await import('../reporters/lint-stylish.js');
      const { createStyle } = await import('../style.js');
      const { countBySeverity } = await import('../../core/model/diagnostic.js');
      const { io } = context;
      const result = await lintPaths(io, paths, flags.bank);
      const { errors, warnings } = countBySeverity(result.diagnostics);
      const shown = flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      io.stdout.write(
        flags.format === 'json'
          ? formatLintJson(result.files, shown)
          : formatLintStylish(result.files, shown, createStyle(io.stdout, io.env)),
      );
      const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
      if (tooManyWarnings && flags.format !== 'json') {
        io.stderr.write(`qbank: ${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
      }
      if (errors > 0 || tooManyWarnings) context.setExitCode(ExitCode.findings);
    });
}
