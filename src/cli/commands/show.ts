import { Command } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';

interface ShowFlags {
  rubric?: boolean;
  json?: boolean;
  bank?: string[];
}

export function showCommand(context: CommandContext): Command {
  return new Command('show')
    .description('show one question: as a candidate sees it, or with --rubric everything an interviewer needs')
    .argument('<id|path>', 'question id in the bank, or the path of a question file')
    .option('--rubric', 'include the rubric, samples, common mistakes, follow-ups and bar raiser')
    .option('--json', 'print the question model as JSON (positions included)')
    .option('--bank <dir>', 'question folder to use (repeatable)', collect)
    .addHelpText('after', examples([
      'qbank show raft-log-compaction-L4-001',
      'qbank show raft-log-compaction-L4-001 --rubric',
      'qbank show ./draft.md --rubric --json',
    ]))
    .action(async (target: string, flags: ShowFlags) => {
      const { resolveQuestion } = await import('../resolve-question.js');
      const { renderQuestion } = await import('../reporters/question-text.js');
      const { candidateView } = await import('../../core/model/candidate-view.js');
      const { createStyle } = await import('../style.js');
      const { outputWidth } = await import('../io.js');
      const { io } = context;
      const question = await resolveQuestion(io, target, flags.bank);
      if (flags.json) {
        const { exactStream } = await import('../terminal-safe.js');
        exactStream(io.stdout).write(`${JSON.stringify(flags.rubric ? question : candidateView(question), null, 2)}\n`);
        return;
      }
      const style = createStyle(io.stdout, io.env);
      io.stdout.write(renderQuestion(question, { rubric: flags.rubric === true, style, width: outputWidth(io.stdout) }));
    });
}
