import { Command } from 'commander';
import { collect, examples, type CommandContext } from '../context.js';
import { addFilterOptions } from '../filter-flags.js';

export function interviewCommand(context: CommandContext): Command {
  const command = new Command('interview')
    .description('run a live interview: the question, the rubric as a checklist, follow-ups, a timer and a scorecard')
    .option('--candidate <name>', "the candidate's name (required for a new session)")
    .option('--interviewer <name>', 'your name, recorded on the scorecard');
  return addFilterOptions(command, { type: false, level: 'the level interviewed for (L1-L8); also picks questions at that level' })
    .option('--count <n>', 'how many questions to pick (default 3)')
    .option('--plan <file>', 'a YAML plan: question ids in order, optional level and total_time')
    .option('--resume [session]', 'continue a saved session (default: the most recent unfinished one)')
    .option('--script <file>', 'read notes, ticks and ratings from a YAML script instead of prompting ("-" for stdin; used when stdin is not a terminal)')
    .option('--list', 'list saved sessions')
    .option('--json', 'with --list: print JSON')
    .option('--format <format>', 'scorecard format at the end: md (default), json or html')
    .option('--out <file>', 'write the scorecard to a file instead of stdout (.md, .json or .html)')
    .option('--tz <zone>', 'scorecard times in this IANA time zone (default: yours), e.g. Europe/Paris')
    .option('--bank <dir>', 'question folder to use (repeatable)', collect)
    .option('--rubrics <dir>', 'folder with scoring.yaml and lexicon.yaml')
    .addHelpText('after', examples([
      'qbank interview --candidate "Ana Lima" --interviewer Bo --level L4 --topic raft --count 2',
      'qbank interview --candidate "Ana Lima" --plan plan.yaml --out ana.html',
      'qbank interview --resume',
      'qbank interview --candidate "Ana Lima" --plan plan.yaml --script notes.yaml --format json --out ana.json',
      'qbank interview --list',
    ]) + '\nWhile you type notes, a panel shows what has been heard so far and the probe to\nask next: :t you asked it, :n another concept, :c N concept N, :p or Ctrl-R\nredraws. Each line of notes is saved as you enter it; sessions are saved in\n$QBANK_HOME/interviews (or the platform data folder). Script and plan formats,\nthe panel and the recommendation rule: docs/interview.md.\n')
    .action(async (flags) => {
      const { runInterview } = await import('../interview/run-interview.js');
      await runInterview(context, flags);
    });
}
