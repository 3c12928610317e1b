import { Command } from 'commander';
import { addFilterOptions } from '../filter-flags.js';
import { collect, examples, type CommandContext } from '../context.js';
import type { PracticeFlags } from '../practice/run-practice.js';

export function practiceCommand(context: CommandContext): Command {
  return addFilterOptions(new Command('practice').description('practise: answer questions, get scored and the follow-up that fits, with progress saved'))
    .option('--count <n>', 'how many questions (default 3)')
    .option('--id <id>', 'practise this question (repeatable)', collect)
    .option('--due', 'only the questions spaced repetition says are due')
    .option('--bank <dir>', 'question folder to use (repeatable)', collect)
    .option('--rubrics <dir>', 'folder with scoring.yaml and lexicon.yaml')
    .addHelpText(
      'after',
      examples(['qbank practice', 'qbank practice --topic raft --count 5', 'qbank practice --due', 'qbank practice --id raft-log-compaction-L4-001', 'printf "my answer\\n---\\nmy follow-up answer\\n" | qbank practice --id raft-log-compaction-L4-001']) +
        '\nIn a terminal, finish an answer with an empty line or Ctrl-D; type :e to write it in $EDITOR,\n:skip to skip a question, :quit to stop. With piped stdin, answers are blocks separated by a\nline holding only ---. History lives in $QBANK_HOME (default: your data folder).\n',
    )
    .action(async (flags: PracticeFlags) => {
      const { runPractice } = await import('../practice/run-practice.js');
      await runPractice(context, flags);
    });
}
