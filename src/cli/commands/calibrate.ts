import { Command } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';

/** What `qbank calibrate` takes. */
export interface CalibrateFlags {
  bank?: string[];
  rubrics?: string;
  out?: string;
  scale?: string;
  pass?: string;
  folds?: string;
  json?: boolean;
}

export function calibrateCommand(context: CommandContext): Command {
  return new Command('calibrate')
    .description("fit scoring.yaml's numbers to your own graded answers, and say whether the fit carries over to new questions")
    .argument('<graded.jsonl>', 'graded answers, one JSON object a line: {"question": "<id or path>", "answer": "…", "grade": <number>} ("-" for stdin)')
    .option('--bank <dir>', 'question folder the ids are looked up in (repeatable)', collect)
    .option('--rubrics <dir>', 'rubric folder to start from (default: $QBANK_RUBRICS or the built-in one)')
    .option('--out <dir>', 'folder to write the fitted scoring.yaml and lexicon.yaml to (default: ./qbank-rubrics)')
    .option('--scale <min-max>', 'the grade scale, such as 0-5 (default: the lowest and highest grade given)')
    .option('--pass <grade>', 'the lowest passing grade (default: 60% of the way up the scale)')
    .option('--folds <k>', 'cross-validation folds, each a set of whole questions (default: 5, fewer with fewer questions)')
    .option('--json', 'print the result as one JSON object')
    .addHelpText(
      'after',
      examples([
        'qbank calibrate test/eval/blind/answers.jsonl --scale 0-5 --out my-rubrics',
        'qbank score raft-log-compaction-L4-001 --rubrics my-rubrics --answer-file answer.txt',
        'qbank calibrate test/eval/blind/answers.jsonl --pass 4 --folds 4 --json > fit.json',
        'qbank calibrate graded.jsonl --scale 0-10 --out team-rubrics',
      ]) +
        '\nThe first example runs in a clone of qbank: test/eval/blind holds 200 graded\n' +
        'answers to questions of the shipped bank. calibrate fits the part shares, the\n' +
        'saturation shares, the concept-credit floor and saturation and the default part\n' +
        'weights, then sets the pass mark and band edges, and reports Pearson r with the\n' +
        'grades before, after, and cross-validated by question (docs/calibration.md). It\n' +
        'needs answers to at least 3 questions and 30 answers, and never writes the\n' +
        'shipped rubrics folder. Interview ratings become graded answers with\n' +
        '"qbank scorecard export-grades --out grades.jsonl"; fit them with --scale 0-3.\n' +
        '\nExit codes: 0 fitted and written; 1 fitted and written, but some lines were\n' +
        'skipped (listed on stderr with their line numbers); 2 nothing written (a bad\n' +
        'flag or file, too little data).\n',
    )
    .action(async (file: string, flags: CalibrateFlags) => {
      const { runCalibrate } = await import('../calibrate/run-calibrate.js');
      await runCalibrate(context, file, flags);
    });
}
