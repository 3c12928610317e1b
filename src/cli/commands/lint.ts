import { Command, Option } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';

interface LintFlags {
  format: 'stylish' | 'json' | 'sarif';
  bank?: string[];
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
  cache: boolean;
  concurrency?: string;
  config?: string;
  rubrics?: string;
  debug?: boolean;
}

function parseConcurrency(value: string | undefined): number | 'auto' | undefined {
  if (value === undefined || value === 'auto') return value;
  if (value === 'off') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--concurrency expects a number of threads, "auto" or "off", got "${value}"`);
  return n;
}

async function toolVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const { PACKAGE_ROOT } = await import('../../adapters/package-paths.js');
  const { join } = await import('node:path');
  return (JSON.parse(await readFile(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function lintCommand(context: CommandContext): Command {
  return new Command('lint')
    .description('check question files for mistakes, with file, line and column for each')
    .argument('[paths...]', 'files or folders to check (default: the bank)')
    .addOption(new Option('--format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--fix', 'apply safe fixes (mis-encoded characters, heading spelling, estimated_time) and write the files')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('--config <file>', 'config file (default: the nearest qbank.config.json or .qbankrc.json)')
    .option('--no-cache', 'check every file again instead of reusing results of unchanged files')
    .option('--concurrency <n>', 'worker threads: a number, "auto" (one per core, for large banks) or "off"')
    .option('--rubrics <dir>', 'folder with scoring.yaml and lexicon.yaml (default: $QBANK_RUBRICS or the built-in one)')
    .option('--bank <dir>', 'bank folder to check when no paths are given (repeatable)', collect)
    .option('--debug', 'say on stderr which config file was used (searched up to the repository root)')
    .addHelpText('after', examples([
      'qbank lint',
      'qbank lint questions/raft',
      'qbank lint draft.md --format json',
      'qbank lint --fix questions/',
      'qbank lint --quiet --max-warnings 0',
      'qbank lint --format sarif > qbank.sarif',
    ]) + '\nExit codes: 0 no errors, 1 errors (or too many warnings), 2 qbank could not run.\nRules and config: docs/rules.md.\n')
    .action(async (paths: string[], flags: LintFlags) => {
      const maxWarnings = flags.maxWarnings === undefined ? undefined : Number(flags.maxWarnings);
      if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
        throw new UsageError(`--max-warnings expects a whole number of 0 or more, got "${flags.maxWarnings}"`);
      }
      const concurrency = parseConcurrency(flags.concurrency);
      const { runLint } = await import('../../adapters/lint-runner.js');
      const { countBySeverity } = await import('../../core/model/diagnostic.js');
      const { io } = context;
      const result = await runLint({ paths, bankDirs: flags.bank, cwd: io.cwd, env: io.env, fix: flags.fix, cache: flags.cache, concurrency, configFile: flags.config, rubricsDir: flags.rubrics });
      if (flags.debug) {
        const { file, origin } = result.config;
        io.stderr.write(file ? `qbank: debug: config ${file} (${origin})\n` : `qbank: debug: no config file ${origin}; default settings\n`);
      }
      const { errors, warnings } = countBySeverity(result.diagnostics);
      const shown = flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      const { exactStream } = await import('../terminal-safe.js');
      if (flags.format === 'json') {
        const { formatLintJson } = await import('../reporters/lint-json.js');
        exactStream(io.stdout).write(formatLintJson(result.files, shown));
      } else if (flags.format === 'sarif') {
        const { formatLintSarif } = await import('../reporters/lint-sarif.js');
        exactStream(io.stdout).write(formatLintSarif(shown, io.cwd, await toolVersion()));
      } else {
        const { formatLintStylish } = await import('../reporters/lint-stylish.js');
        const { createStyle } = await import('../style.js');
        io.stdout.write(formatLintStylish(result.files, shown, createStyle(io.stdout, io.env), { fixedFiles: flags.fix ? result.fixedFiles : undefined, hiddenWarnings: flags.quiet ? warnings : 0 }));
      }
      const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
      if (tooManyWarnings && flags.format === 'stylish') {
        io.stderr.write(`qbank: ${warnings} warning${warnings === 1 ? '' : 's'}${flags.quiet ? ' (not shown: --quiet)' : ''} exceed${warnings === 1 ? 's' : ''} --max-warnings ${maxWarnings}\n`);
      }
      if (errors > 0 || tooManyWarnings) context.setExitCode(ExitCode.findings);
    });
}
