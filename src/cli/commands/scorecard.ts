import { Command } from 'commander';
import { examples, type CommandContext } from '../context.js';
import { exportGradesCommand } from './scorecard-export-grades.js';

interface ScorecardFlags {
  format?: string;
  out?: string;
  tz?: string;
}

/** Merge is a subcommand; main.ts only configures top-level commands, so it is configured here. */
function mergeCommand(context: CommandContext): Command {
  const { io } = context;
  return new Command('merge')
    .description("a panel view of several interviewers' scorecards (JSON exports) for one candidate")
    .argument('<scorecards...>', 'scorecard JSON files, from "qbank scorecard SESSION --format json"')
    .option('--format <format>', 'text (default), md or json')
    .option('--out <file>', 'write to a file instead of stdout')
    .helpOption('-h, --help', 'show help')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`qbank scorecard merge: ${text.replace(/^error: /, '').trimEnd()} (see "qbank scorecard merge --help")\n`),
    })
    .exitOverride()
    .addHelpText('after', examples(['qbank scorecard merge ana-bo.json ana-cy.json', 'qbank scorecard merge *.json --format md --out panel.md']) + '\nQuestions rated one band or more apart are marked "!" / DISAGREE.\n')
    .action(async (files: string[], _flags: ScorecardFlags, command: Command) => {
      // The root program hands options after the subcommand to "scorecard", which declares the
      // same --format and --out: read them from both.
      const { runMerge } = await import('../interview/run-scorecard.js');
      await runMerge(context, files, command.optsWithGlobals<ScorecardFlags>());
    });
}

export function scorecardCommand(context: CommandContext): Command {
  return new Command('scorecard')
    .description('regenerate the scorecard of a saved interview, or merge several into a panel view')
    .argument('[session]', 'session id (see "qbank interview --list") or the path of its .jsonl file')
    .option('--format <format>', 'md (default), json or html (one self-contained, printable file)')
    .option('--out <file>', 'write to a file instead of stdout (the format follows the extension: .md, .json or .html)')
    .option('--tz <zone>', 'show times in this IANA time zone (default: yours), e.g. Europe/Paris')
    .addCommand(mergeCommand(context))
    .addCommand(exportGradesCommand(context))
    .addHelpText('after', examples([
      'qbank scorecard 20250131-140512-ana-lima',
      'qbank scorecard 20250131-140512-ana-lima --format html --out ana.html',
      'qbank scorecard 20250131-140512-ana-lima --format json --out ana-bo.json',
      'qbank scorecard 20250131-140512-ana-lima --tz America/New_York --out ana.html',
      'qbank scorecard merge ana-bo.json ana-cy.json',
      'qbank scorecard export-grades --out grades.jsonl',
    ]))
    .action(async (session: string | undefined, flags: ScorecardFlags) => {
      const { runScorecard } = await import('../interview/run-scorecard.js');
      await runScorecard(context, session, flags);
    });
}
