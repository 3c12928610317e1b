import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { PACKAGE_ROOT } from '../adapters/package-paths.js';
import { lintCommand } from './commands/lint.js';
import { historyCommand } from './commands/history.js';
import { listCommand } from './commands/list.js';
import { newCommand } from './commands/new.js';
import { schemaCommand } from './commands/schema.js';
import { practiceCommand } from './commands/practice.js';
import { statsCommand } from './commands/stats.js';
import { scoreCommand } from './commands/score.js';
import { interviewCommand } from './commands/interview.js';
import { scorecardCommand } from './commands/scorecard.js';
import { showCommand } from './commands/show.js';
import { calibrateCommand } from './commands/calibrate.js';
import type { CommandContext } from './context.js';
import { examples } from './context.js';
import { asQbankError } from '../core/errors/qbank-error.js';
import { ExitCode } from './errors.js';
import type { CliIO } from './io.js';
import { terminalStream } from './terminal-safe.js';

function packageVersion(): string {
  const raw = readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8');
  return (JSON.parse(raw) as { version: string }).version;
}

/** Builds the `qbank` program. Commands import what they need only when they run. */
export function buildProgram(context: CommandContext): Command {
  const { io } = context;
  const program = new Command('qbank')
    .description('Practise, run and author technical interview questions written as markdown files.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`qbank: ${text.replace(/^error: /, '').trimEnd()}\n`),
    })
    .addHelpText('after', examples(['qbank list', 'qbank show raft-log-compaction-L4-001 --rubric', 'qbank score raft-log-compaction-L4-001 --answer-file answer.txt', 'qbank lint questions/']));

  for (const make of [listCommand, showCommand, practiceCommand, scoreCommand, statsCommand, historyCommand, lintCommand, interviewCommand, scorecardCommand, calibrateCommand, newCommand, schemaCommand]) {
    const command = make(context);
    command.configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`qbank ${command.name()}: ${text.replace(/^error: /, '').trimEnd()} (see "qbank ${command.name()} --help")\n`),
    });
    command.helpOption('-h, --help', 'show help');
    program.addCommand(command);
  }
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

/**
 * Maps anything thrown by a command to an exit code, printing one line at most: a catalogue
 * error (core/errors/catalogue.ts) gives its own line and code; anything else is internal.
 */
export function exitCodeFor(error: unknown, io: CliIO): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok;
    if (error.code === 'commander.executeSubCommandAsync') return ExitCode.ok;
    return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  }
  const known = asQbankError(error, Boolean(io.env.QBANK_DEBUG));
  if (!known.entry.quiet) io.stderr.write(`qbank: ${known.message}\n`);
  return known.exitCode;
}

/**
 * Runs qbank with `argv` (as `process.argv`) and returns the exit code. Commands get stdout and
 * stderr wrapped in terminal writers, so no control character from a file reaches the terminal
 * unless a machine format asks for the exact stream (terminal-safe.ts).
 */
export async function run(argv: readonly string[], given: CliIO): Promise<number> {
  const io: CliIO = { ...given, stdout: terminalStream(given.stdout), stderr: terminalStream(given.stderr) };
  let exitCode: number = ExitCode.ok;
  const context: CommandContext = { io, setExitCode: (code) => (exitCode = code) };
  try {
    const program = buildProgram(context);
    if (argv.length <= 2) {
      program.outputHelp();
      return ExitCode.ok;
    }
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}
