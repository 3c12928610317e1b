import { randomUUID } from 'node:crypto';
import { clockFrom } from '../../adapters/clock.js';
import { clearDraft, draftLog, loadDraft } from '../../adapters/draft-store.js';
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
import { openBank } from '../bank-access.js';
import { countFromFlag, filterFromFlags, type FilterFlags } from '../filter-flags.js';
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
import type { AnswerDraft } from '../../core/practice/draft.js';
import type { History } from '../../core/practice/history.js';
import type { Question } from '../../core/model/question.js';

/** The flags of `qbank practice`. */
export interface PracticeFlags extends FilterFlags {
  count?: string;
  id?: string[];
  due?: boolean;
  bank?: string[];
  rubrics?: string;
}

/** Wires a practice session: bank, scorer, history, the right I/O, and saving as it goes. */
export async function runPractice(context: CommandContext, flags: PracticeFlags): Promise<void> {
  const { io } = context;
  const count = countFromFlag(flags.count, undefined);
  const filter = filterFromFlags(flags);
  const [bank, scorer, stored, unfinished] = await Promise.all([openBank(io, flags.bank), Scorer.open(io, flags.rubrics), loadHistory(io.env), loadDraft(io.env)]);
  for (const warning of [...stored.warnings, ...unfinished.warnings]) io.stderr.write(`qbank: warning: ${warning}\n`);

  for (const id of flags.id ?? []) if (!bank.get(id)) throw new UsageError(`No question with id "${id}" in the bank; run "qbank list" to see the ids`);
  const clock = clockFrom(io.env);
  const now = clock.now();
  // Chosen from summaries; only the chosen files are read again (a bank can hold thousands).
  const matching = bank.list(filter);
  if (matching.length === 0) throw new UsageError(noMatchMessage(bank.list(), filter));
  const chosen = selectQuestions(matching, stored.history, { count, due: flags.due, ids: flags.id }, now);
  let questions = chosen.map((summary) => bank.get(summary.frontmatter.id)).filter((q) => q !== undefined);
  if (questions.length === 0 && !unfinished.draft) {
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
  const style = createStyle(io.stdout, io.env);
  const render = (blocks: readonly PracticeBlock[]) => renderPracticeBlocks(blocks, { style, width: outputWidth(io.stdout) });
  const sessionIO: SessionIO<PracticeBlock> =
    io.stdin.isTTY && io.stdout.isTTY
      ? new TerminalIO(io.stdin, exactStream(io.stdout) as unknown as NodeJS.WritableStream & typeof io.stdout, render)
      : new ScriptedIO(io.stdin, io.stdout, render);

  // An answer left unfinished last time (Ctrl-C, a kill, a crash) is offered back first.
  const restored = unfinished.draft ? await offerDraft(context, unfinished.draft, sessionIO, bank, stored.history) : undefined;
  if (restored) questions = [restored.question, ...questions.filter((q) => q.frontmatter.id !== restored.question.frontmatter.id)];
  if (questions.length === 0) return;

  const session = new PracticeSession(questions, {
    sessionId: randomUUID(),
    newId: randomUUID,
    score: (question, answer) => scoreAnswer(scorer.rubric(question), answer),
    scoreFollowUp: (question, stage, answer) => scoreChecklist(checklist(question, stage), answer),
    previousCard: (id) => stored.history.card(id),
    ...(restored ? { restored: restored.draft } : {}),
  });
  const drafts = draftLog(io.env);
  let drafting = true;
  let saved = 0;
  try {
    await driveSession(session, sessionIO, clock, async (effect: PracticeEffect) => {
      if (effect.kind === 'draft-clear') {
        // The answer is saved; a draft left behind would only be offered again, so say so and go on.
        await clearDraft(io.env).catch((error: Error) => io.stderr.write(`qbank: warning: the draft of the saved answer could not be deleted (${error.message}); decline it when the next practice offers it\n`));
        return;
      }
      if (effect.kind === 'draft') {
        if (!drafting) return;
        try {
          for (const record of effect.records) await drafts.append(record);
        } catch (error) {
          // The answer is still on screen and in memory; only the crash copy is lost.
          if (!(error instanceof StorageError)) throw error;
          drafting = false;
          io.stderr.write(`qbank: warning: the lines of your answer cannot be kept as you type (${error.message}); the answer is saved when you finish it\n`);
        }
        return;
      }
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

/**
 * Offers back an unfinished answer: an answer to a question still in the bank (the main answer,
 * or a follow-up of an attempt in the history) is restored, its question asked first at that
 * step, its lines shown and continued, unless the user declines, and then the draft is deleted.
 * A draft that cannot be restored (its question or attempt is gone) is printed in full, and kept
 * until the next answer is saved.
 */
async function offerDraft(
  context: CommandContext,
  draft: AnswerDraft,
  sessionIO: SessionIO<PracticeBlock>,
  bank: Awaited<ReturnType<typeof openBank>>,
  history: History,
): Promise<{ draft: AnswerDraft; question: Question } | undefined> {
  const { io } = context;
  const question = bank.get(draft.questionId);
  const followUp = draft.stage !== 'answer';
  const attemptKept = !followUp || history.attemptsOf(draft.questionId).some((a) => a.attemptId === draft.attemptId);
  const count = `${draft.lines.length} line${draft.lines.length === 1 ? '' : 's'}`;
  if (!question || question.type !== 'subjective' || !attemptKept) {
    const why = !question || question.type !== 'subjective' ? `its question (${draft.questionId}) is not in the bank` : `the attempt it follows up is not in your history`;
    io.stdout.write(`Unfinished answer (${count}), not restored because ${why}:\n${draft.lines.map((line) => `  ${line}\n`).join('')}`);
    return undefined;
  }
  const what = followUp ? 'follow-up answer' : 'answer';
  const input = await sessionIO.ask({ kind: 'confirm', id: 'restore-draft', message: `Restore your unfinished ${what} to "${draft.title}" (${count}, saved ${draft.savedAt.slice(0, 16).replace('T', ' ')} UTC)?`, default: true });
  if (input.kind === 'confirm' && input.value) {
    io.stdout.write(`Restored: your answer goes on from its ${count}.\n`);
    return { draft, question };
  }
  if (input.kind === 'quit') throw new CancelledError();
  await clearDraft(io.env);
  io.stdout.write('The unfinished answer is deleted.\n');
  return undefined;
}
