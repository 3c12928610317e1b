import { Command } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { addFilterOptions, filterFromFlags, type FilterFlags } from '../filter-flags.js';

interface ListFlags extends FilterFlags {
  bank?: string[];
  json?: boolean;
  summary?: boolean;
}

export function listCommand(context: CommandContext): Command {
  return addFilterOptions(new Command('list').description('list the questions in the bank, with the spread by topic and level'))
    .option('--bank <dir>', 'question folder to use (repeatable; default: $QBANK_BANK or the built-in bank)', collect)
    .option('--no-summary', 'leave out the topic-by-level spread')
    .option('--json', 'print the questions as a JSON array')
    .addHelpText('after', examples(['qbank list', 'qbank list --topic raft --level L5', 'qbank list --type mcq --json', 'qbank list --bank ./my-questions']))
    .action(async (flags: ListFlags) => {
      const { openBank } = await import('../bank-access.js');
      const { renderQuestionList, renderSpread, questionSummary } = await import('../reporters/question-list.js');
      const { createStyle } = await import('../style.js');
      const { outputWidth } = await import('../io.js');
      const { io } = context;
      const filter = filterFromFlags(flags);
      const bank = await openBank(io, flags.bank);
      const questions = bank.list(filter);
      if (questions.length === 0) {
        // A filter (or a bank folder) that matches nothing is a mistake to say, with what would match.
        const { noMatchMessage } = await import('../../core/bank/no-match.js');
        throw new UsageError(noMatchMessage(bank.list(), filter));
      }
      if (flags.json) {
        const { exactStream } = await import('../terminal-safe.js');
        exactStream(io.stdout).write(`${JSON.stringify(questions.map(questionSummary), null, 2)}\n`);
        return;
      }
      const style = createStyle(io.stdout, io.env);
      io.stdout.write(renderQuestionList(questions, style, io.stdout.isTTY ? outputWidth(io.stdout) : undefined));
      if (flags.summary !== false && questions.length > 0) io.stdout.write(`\n${renderSpread(questions, style)}`);
    });
}
