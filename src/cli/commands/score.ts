import { Command } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';

interface ScoreFlags {
  answer?: string;
  answerFile?: string;
  json?: boolean;
  explain?: boolean;
  batch?: string;
  allowPaths?: boolean;
  bank?: string[];
  rubrics?: string;
}

export function scoreCommand(context: CommandContext): Command {
  return new Command('score')
    .description("score an answer against a question's rubric: concepts, keywords, mistakes, band and follow-up")
    .argument('[id|path]', 'question id in the bank, or the path of a question file')
    .option('--answer <text>', 'the answer text')
    .option('--answer-file <file>', 'read the answer from a file ("-" for stdin)')
    .option('--json', 'print the result as one JSON object')
    .option('--explain', 'show, for each concept, which rubric words matched and which did not')
    .option('--batch <file.jsonl>', 'score a JSON Lines file: {"question": "<id or path>", "answer": "…", …} per line ("-" for stdin)')
    .option('--allow-paths', 'with --batch: let "question" name a file outside the bank folders and the working folder')
    .option('--bank <dir>', 'question folder to use (repeatable)', collect)
    .option('--rubrics <dir>', 'folder with scoring.yaml and lexicon.yaml (default: $QBANK_RUBRICS or the built-in one)')
    .addHelpText('after', examples([
      'qbank score raft-log-compaction-L4-001 --answer "Each server snapshots its state machine…"',
      'qbank score raft-log-compaction-L4-001 --answer-file my-answer.txt --explain',
      'pbpaste | qbank score ./draft.md --json',
      'qbank score --batch answers.jsonl > scores.jsonl',
    ]) +
      '\nBatch: each input line gives one output line, in order, with its "line" number: the score result\n' +
      'and the input\'s other fields, or {"line", "error", …} for a line that cannot be scored (a blank\n' +
      'line, bad JSON, an unknown id, a line over 1 MiB, a field nested over 64 deep). Input fields may\n' +
      'not reuse a name qbank writes (line, error, question, answer, and the score result\'s fields: id,\n' +
      'score, band, passed, …): such a line is an error line. A "question" path must be inside the bank\n' +
      'folders or the working folder unless --allow-paths is given.\n' +
      '\nExit codes: 0 scored, 1 some batch lines failed, 2 bad input or the batch run itself failed\n' +
      '(unknown id, empty answer, unreadable batch file, …).\n')
    .action(async (target: string | undefined, flags: ScoreFlags) => {
      const { io } = context;
      const { Scorer } = await import('../scorer.js');
      const scorer = await Scorer.open(io, flags.rubrics);
      const { resolveQuestion } = await import('../resolve-question.js');
      if (flags.batch !== undefined) {
        if (target !== undefined) throw new UsageError('Give either a question or --batch, not both');
        const { scoreBatch } = await import('../score-batch.js');
        const { openBank } = await import('../bank-access.js');
        const { resolveBankDirs } = await import('../../adapters/package-paths.js');
        const failed = await scoreBatch(io, flags.batch, {
          scorer,
          openBank: () => openBank(io, flags.bank),
          bankDirs: resolveBankDirs(flags.bank, io.env, io.cwd),
          allowPaths: flags.allowPaths === true,
        });
        if (failed > 0) {
          io.stderr.write(`qbank: ${failed} line${failed === 1 ? '' : 's'} could not be scored; see the "error" lines\n`);
          context.setExitCode(ExitCode.findings);
        }
        return;
      }
      if (flags.allowPaths) throw new UsageError('--allow-paths goes with --batch');
      if (target === undefined) throw new UsageError('Name the question to score against: qbank score <id|path>');
      if (flags.answer !== undefined && flags.answerFile !== undefined) throw new UsageError('Give either --answer or --answer-file, not both');
      const question = await resolveQuestion(io, target, flags.bank);
      if (question.type !== 'subjective') throw new UsageError(`"${question.frontmatter.id}" is a multiple-choice question; qbank score grades written answers only`);
      const { readAnswer } = await import('../read-input.js');
      const { scoreAnswer, validateAnswer } = await import('../../core/score/score-answer.js');
      const answer = await readAnswer(io, flags);
      const valid = validateAnswer(answer);
      if (valid !== true) throw new UsageError(valid);
      const result = scoreAnswer(scorer.rubric(question), answer);
      if (flags.json) {
        const { exactStream } = await import('../terminal-safe.js');
        exactStream(io.stdout).write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      const { renderScore } = await import('../reporters/score-text.js');
      const { createStyle } = await import('../style.js');
      const { outputWidth } = await import('../io.js');
      io.stdout.write(renderScore(result, question, { style: createStyle(io.stdout, io.env), width: outputWidth(io.stdout), explain: flags.explain === true }));
    });
}
