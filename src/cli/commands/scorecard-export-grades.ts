import { Command } from 'commander';
import { examples, type CommandContext } from '../context.js';

/** `qbank scorecard export-grades`: a subcommand, configured here as merge is. */
export function exportGradesCommand(context: CommandContext): Command {
  const { io } = context;
  return new Command('export-grades')
    .description('write a "qbank calibrate" input line for every answered question of saved interviews: the notes, and the final rating as a grade 0-3')
    .argument('[sessions...]', 'session ids or .jsonl paths (default: every saved session)')
    .option('--out <file>', 'write to a file instead of stdout')
    .helpOption('-h, --help', 'show help')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(`qbank scorecard export-grades: ${text.replace(/^error: /, '').trimEnd()} (see "qbank scorecard export-grades --help")\n`),
    })
    .exitOverride()
    .addHelpText(
      'after',
      examples([
        'qbank scorecard export-grades --out grades.jsonl',
        'qbank scorecard export-grades 20250131-140512-ana-lima > ana.jsonl',
      ]) +
        '\nEach line: {"question", "answer" (your notes), "grade", "rating", "session",\n' +
        '"interviewer"}. The grade is the final rating\'s points in the recommendation\n' +
        'rule: insufficient 0, needs improvement 1, good 2, excellent 3. Passes,\n' +
        'questions not asked and answers without notes are left out. Fit them with\n' +
        '"qbank calibrate grades.jsonl --scale 0-3" once they cover 3 questions and 30\n' +
        'answers (docs/calibration.md).\n',
    )
    .action(async (sessions: string[], _flags: { out?: string }, command: Command) => {
      // The parent "scorecard" declares --out too and may take it first: read it from both.
      const { runExportGrades } = await import('../interview/export-grades.js');
      await runExportGrades(context, sessions, command.optsWithGlobals<{ out?: string }>());
    });
}
