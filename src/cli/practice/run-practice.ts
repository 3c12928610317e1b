import { randomUUID } from 'node:crypto';
import { clockFrom } from '../../adapters/clock.js';
import { historyLog, loadHistory } from '../../adapters/history-store.js';
import { StorageError } from '../../adapters/jsonl-log.js';
import type { FollowUpTier } from '../../core/model/elements.js';
import type { SubjectiveQuestion } from '../../core/model/subjective.js';
import { PracticeSession, type PracticeEffect } from '../../core/practice/session.js';
import { selectQuestions } from '../../core/practice/selection.js';
import { noMatchMessage } from '../../core/bank/no-match.js';
import { compileBarRaiser, compileFollowUp, type CompiledChecklist } from '../../core/score/compile.js';
import { scoreAnswer } from '../../core/score/score-answer.js';
import { scoreChecklist } from '../../core/score/score-checklist.js';
import { filterFromFlags, openBank, type FilterFlags } from '../bank-access.js';
import type { CommandContext } from '../context.js';
import { CancelledError, UsageError } from '../errors.js';
import { outputWidth } from '../io.js';
import { Scorer } from '../scorer.js';
import { driveSession, type SessionIO } from '../session/driver.js';
import { ScriptedIO } from '../session/scripted-io.js';
import { TerminalIO } from '../session/terminal-io.js';
import { createStyle } from '../style.js';
import { exactStream } from '../terminal-safe.js';
import { renderPracticeBlocks } from './render-practice.js';
import type { PracticeBlock } from '../../core/practice/blocks.js';

interface PracticeFlags extends FilterFlags {
  count?: string;
  id?: string[];
  due?: boolean;
  bank?: string[];
  rubrics?: string;
}

/** Wires a practice session: bank, scorer, history, the right I/O, and saving as it goes. */
export async function runPractice(context: CommandContext, flags: PracticeFlags): Promise<void> {
  const { io } = context;
  const count = flags.count === undefined ? undefined : Number(flags.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) throw new UsageError(`--count expects a whole number of 1 or more, got "${flags.count}"`);
  const filter = filterFromFlags(flags);
  const [bank, scorer, stored] = await Promise.all([openBank(io, flags.bank), Scorer.open(io, flags.rubrics), loadHistory(io.env)]);
  for (const warning of stored.warnings) io.stderr.write(`qbank: warning: ${warning}\n`);

  for (const id of flags.id ?? []) if (!bank.get(id)) throw new UsageError(`No question with id "${id}" in the bank; run "qbank list" to see the ids`);
  const clock = clockFrom(io.env);
  const now = clock.now();
  // Chosen from summaries; only the chosen files are read again (a bank can hold thousands).
  const matching = bank.list(filter);
  if (matching.length === 0) throw new UsageError(noMatchMessage(bank.list(), filter));
  const chosen = selectQuestions(matching, stored.history, { count, due: flags.due, ids: flags.id }, now);
  const questions = chosen.map((summary) => bank.get(summary.frontmatter.id)).filter((q) => q !== undefined);
  if (questions.length === 0) {
    // Only --due can leave nothing to ask of questions that match: a state, not a mistake.
    io.stdout.write(flags.due ? 'Nothing is due for review. Practise something new with "qbank practice".\n' : 'No questions match; run "qbank list" to see what the bank holds.\n');
    return;
  }
  const log = historyLog(io.env);
  // Before the first question: an answer typed into a history that cannot take it is lost work.
  await log.checkWritable();

  const checklists = new Map<string, CompiledChecklist>();
  const checklist = (question: SubjectiveQuestion, stage: FollowUpTier | 'bar-raiser'): CompiledChecklist => {
    const key = `${question.frontmatter.id}\u0000${stage}`;
    let compiled = checklists.get(key);
    if (!compiled) {
      const rubric = scorer.rubric(question);
      const followUp = stage === 'bar-raiser' ? undefined : question.followUps[stage];
      // The session only asks a follow-up the question has, so `followUp` is there for tiers.
      compiled = followUp ? compileFollowUp(rubric, followUp) : compileBarRaiser(rubric, question.barRaiser?.concepts ?? []);
      checklists.set(key, compiled);
    }
    return compiled;
  };
  const session = new PracticeSession(questions, {
    sessionId: randomUUID(),
    newId: randomUUID,
    score: (question, answer) => scoreAnswer(scorer.rubric(question), answer),
    scoreFollowUp: (question, stage, answer) => scoreChecklist(checklist(question, stage), answer),
    previousCard: (id) => stored.history.card(id),
  });

  const style = createStyle(io.stdout, io.env);
  const render = (blocks: readonly PracticeBlock[]) => renderPracticeBlocks(blocks, { style, width: outputWidth(io.stdout) });
  const sessionIO: SessionIO<PracticeBlock> =
    io.stdin.isTTY && io.stdout.isTTY
      ? new TerminalIO(io.stdin, exactStream(io.stdout) as unknown as NodeJS.WritableStream & typeof io.stdout, render)
      : new ScriptedIO(io.stdin, io.stdout, render);
  let saved = 0;
  try {
    await driveSession(session, sessionIO, clock, async (effect: PracticeEffect) => {
      try {
        await log.append(effect.record);
      } catch (error) {
        // Not saved, and not kept in the temp folder either: the screen is the last place left.
        if (error instanceof StorageError && error.keptIn === null) io.stderr.write(`qbank: the answer that could not be saved:\n${effect.record.answer}\n`);
        throw error;
      }
      if (effect.record.type === 'attempt') saved++;
    });
  } catch (error) {
    if (error instanceof CancelledError) io.stdout.write(`Stopped. ${saved} answer${saved === 1 ? '' : 's'} saved to your history.\n`);
    throw error;
  }
}
