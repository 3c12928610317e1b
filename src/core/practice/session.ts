import type { FollowUpTier } from '../model/elements.js';
import type { McqQuestion } from '../model/mcq.js';
import type { Question } from '../model/question.js';
import { questionTitle } from '../model/question.js';
import { askableBarRaiser, type SubjectiveQuestion } from '../model/subjective.js';
import { hintToShow } from '../model/follow-up-hint.js';
import type { ChecklistResult, ScoreResult } from '../score/result.js';
import type { Ask, Input, SessionMachine, Step, Typing, TypingStep } from '../session/interaction.js';
import { DRAFT_VERSION, draftLines, type AnswerDraft, type DraftRecord, type DraftStage } from './draft.js';
import type { PracticeBlock, SummaryRow } from './blocks.js';
import { HISTORY_VERSION, type AttemptRecord, type FollowUpRecord, type SrsCard } from './records.js';
import { gradeFor, review } from './srs.js';

/** What the practice session needs from outside; all of it pure or injected. */
export interface PracticeDeps {
  sessionId: string;
  newId(): string;
  score(question: SubjectiveQuestion, answer: string): ScoreResult;
  scoreFollowUp(question: SubjectiveQuestion, stage: FollowUpTier | 'bar-raiser', answer: string): ChecklistResult;
  /** The question's card before this session (from the history). */
  previousCard(questionId: string): SrsCard | undefined;
  /** An unfinished answer to restore: its lines are shown and continued when its question comes. */
  restored?: AnswerDraft;
}

/**
 * What the driver must do: append a record to the history; append to the draft log (the lines
 * of an answer as it is typed, so a crash loses at most the line being typed); or delete the
 * draft log, once its answer is saved or skipped.
 */
export type PracticeEffect =
  | { kind: 'save'; record: AttemptRecord | FollowUpRecord }
  | { kind: 'draft'; records: DraftRecord[] }
  | { kind: 'draft-clear' };

type Phase = 'answer' | 'follow-up' | 'bar-raiser' | 'reveal' | 'done';
type PracticeStep = Step<PracticeBlock, PracticeEffect>;

/**
 * A candidate's practice session: each question, its feedback, the follow-up its band calls for
 * (and the bar raiser after an excellent answer), an offer to reveal the samples, and a summary.
 * Every scored answer is saved (an effect) before the next thing is asked.
 */
export class PracticeSession implements SessionMachine<PracticeBlock, PracticeEffect> {
  private index = 0;
  private phase: Phase = 'answer';
  private askedAt = new Date(0);
  private attemptId = '';
  private stage: FollowUpTier | 'bar-raiser' = 'partial';
  private readonly rows: SummaryRow[];
  private readonly cards = new Map<string, SrsCard>();
  /** The lines of the answer being typed as saved in the draft log; undefined until it is started. */
  private drafted: string[] | undefined;
  /** A draft log exists (restored, or started in this session) and should go once its answer is in. */
  private draftOpen = false;
  private restored: AnswerDraft | undefined;

  constructor(
    private readonly questions: readonly Question[],
    private readonly deps: PracticeDeps,
  ) {
    this.rows = questions.map((q) => ({ questionId: q.frontmatter.id, title: questionTitle(q), status: 'not reached' }));
    this.restored = deps.restored;
    this.draftOpen = deps.restored !== undefined;
  }

  /** The answer as it is typed: its new lines go to the draft log. */
  typing(typing: Typing, now: Date): TypingStep<PracticeBlock, PracticeEffect> {
    const question = this.questions[this.index];
    if (!question || !['answer', 'follow-up', 'bar-raiser'].includes(this.phase)) return { blocks: [], effects: [] };
    const at = now.toISOString();
    const records: DraftRecord[] = [];
    if (this.drafted === undefined) {
      if (typing.lines.every((line) => line.trim() === '')) return { blocks: [], effects: [] };
      const stage: DraftStage = this.phase === 'answer' ? 'answer' : this.stage;
      records.push({ v: DRAFT_VERSION, type: 'start', at, questionId: question.frontmatter.id, title: questionTitle(question), stage, ...(stage === 'answer' ? {} : { attemptId: this.attemptId }) });
      this.drafted = [];
    }
    records.push(...draftLines(this.drafted, typing.lines, at));
    this.drafted = [...typing.lines];
    this.draftOpen = true;
    return { blocks: [], effects: records.length > 0 ? [{ kind: 'draft', records }] : [] };
  }

  /** Effects that end the draft of an answer now saved or skipped (none when there is no draft). */
  private endDraft(): PracticeEffect[] {
    this.drafted = undefined;
    if (!this.draftOpen) return [];
    this.draftOpen = false;
    return [{ kind: 'draft-clear' }];
  }

  /** The text Ask for an answer, live (saved as typed), with restored lines when there are some. */
  private textAsk(id: string, question: Question, stage: DraftStage = 'answer'): Ask {
    const restored = this.restored?.questionId === question.frontmatter.id && this.restored.stage === stage ? this.restored : undefined;
    if (restored) {
      this.restored = undefined;
      this.drafted = [...restored.lines];
    }
    return { kind: 'text', id, message: 'Your answer', allowEditor: true, live: { commands: [] }, ...(restored ? { typed: restored.lines } : {}) };
  }

  start(now: Date): PracticeStep {
    if (this.questions.length === 0) return this.finish([], false);
    const intro: PracticeBlock = { kind: 'intro', count: this.questions.length };
    const first = this.questions[0] as Question;
    const restored = this.restored;
    // A follow-up answer left unfinished goes on at its follow-up: the attempt it follows is saved.
    if (restored && restored.stage !== 'answer' && restored.attemptId && restored.questionId === first.frontmatter.id && first.type === 'subjective') {
      const step = this.presentQuestion([intro], now);
      this.attemptId = restored.attemptId;
      (this.rows[0] as SummaryRow).status = 'answered earlier';
      return this.askFollowUp(first, restored.stage, step.blocks, now);
    }
    return this.presentQuestion([intro], now);
  }

  handle(input: Input, now: Date): PracticeStep {
    if (input.kind === 'quit') return this.finish([], true);
    const question = this.questions[this.index] as Question;
    switch (this.phase) {
      case 'answer':
        if (input.kind === 'skip') {
          (this.rows[this.index] as SummaryRow).status = 'skipped';
          const effects = this.endDraft();
          const step = this.next([{ kind: 'skipped' }], now);
          return { ...step, effects: [...effects, ...step.effects] };
        }
        return question.type === 'mcq' ? this.answerMcq(question, input, now) : this.answerSubjective(question, input, now);
      case 'follow-up':
      case 'bar-raiser':
        if (input.kind === 'skip' || input.kind !== 'text') {
          const effects = this.endDraft();
          const step = this.offerSamples([{ kind: 'skipped' }], now);
          return { ...step, effects: [...effects, ...step.effects] };
        }
        return this.answerFollowUp(question as SubjectiveQuestion, input.text, now);
      case 'reveal': {
        const subjective = question as SubjectiveQuestion;
        const blocks: PracticeBlock[] =
          input.kind === 'confirm' && input.value
            ? [{ kind: 'samples', acceptable: subjective.sampleAcceptable?.text, excellent: subjective.sampleExcellent?.text }]
            : [];
        return this.next(blocks, now);
      }
      default:
        return this.finish([], false);
    }
  }

  private presentQuestion(before: PracticeBlock[], now: Date): PracticeStep {
    const question = this.questions[this.index] as Question;
    const fm = question.frontmatter;
    this.phase = 'answer';
    this.askedAt = now;
    const block: PracticeBlock = {
      kind: 'question',
      index: this.index + 1,
      total: this.questions.length,
      id: fm.id,
      title: questionTitle(question),
      level: fm.level,
      topic: fm.topic,
      estimatedTime: fm.estimatedTime,
      text: (question.type === 'mcq' ? question.question?.text : question.mainQuestion?.text) ?? '',
      ...(question.type === 'mcq' ? { hook: question.hook?.text, options: question.options } : {}),
    };
    const ask: Ask =
      question.type === 'mcq'
        ? { kind: 'letter', id: `${fm.id}:answer`, message: 'Your answer', letters: question.options.map((o) => o.letter) }
        : this.textAsk(`${fm.id}:answer`, question);
    return { blocks: [...before, block], ask, effects: [] };
  }

  private attemptBase(question: Question, answer: string, now: Date, card: SrsCard) {
    const fm = question.frontmatter;
    this.attemptId = this.deps.newId();
    this.cards.set(fm.id, card);
    return {
      v: HISTORY_VERSION,
      type: 'attempt' as const,
      attemptId: this.attemptId,
      session: this.deps.sessionId,
      questionId: fm.id,
      questionType: question.type,
      title: questionTitle(question),
      topic: fm.topic ?? null,
      level: fm.level ?? null,
      askedAt: this.askedAt.toISOString(),
      answeredAt: now.toISOString(),
      timeTakenMs: Math.max(0, now.getTime() - this.askedAt.getTime()),
      answer,
    };
  }

  private answerMcq(question: McqQuestion, input: Input, now: Date): PracticeStep {
    const letters = question.options.map((o) => o.letter);
    const letter = input.kind === 'letter' ? input.letter : input.kind === 'text' ? input.text.trim().toUpperCase() : '';
    if (!letters.includes(letter)) {
      return {
        blocks: [{ kind: 'invalid', message: `Answer with one of ${letters.join(', ')}` }],
        ask: { kind: 'letter', id: `${question.frontmatter.id}:answer`, message: 'Your answer', letters },
        effects: [],
      };
    }
    const right = question.answer?.letter ?? '';
    const correct = letter === right;
    const band = correct ? 'excellent' : 'insufficient';
    const card = review(this.deps.previousCard(question.frontmatter.id), now, gradeFor(band));
    const record: AttemptRecord = {
      ...this.attemptBase(question, letter, now, card),
      score: correct ? 100 : 0,
      band,
      passed: correct,
      mcq: { letter, right, correct },
      srs: card,
    };
    Object.assign(this.rows[this.index] as SummaryRow, { status: 'answered', score: record.score, band, timeTakenMs: record.timeTakenMs });
    const step = this.next([{ kind: 'mcq-result', letter, right, correct, explanation: question.explanation?.text }], now);
    return { ...step, effects: [{ kind: 'save', record }, ...step.effects] };
  }

  private answerSubjective(question: SubjectiveQuestion, input: Input, now: Date): PracticeStep {
    const text = input.kind === 'text' ? input.text : '';
    if (text.trim() === '') {
      return {
        blocks: [{ kind: 'invalid', message: 'The answer is empty; write what you would say, or skip the question' }],
        ask: this.textAsk(`${question.frontmatter.id}:answer`, question),
        effects: [],
      };
    }
    const result = this.deps.score(question, text);
    const card = review(this.deps.previousCard(question.frontmatter.id), now, gradeFor(result.band));
    const record: AttemptRecord = {
      ...this.attemptBase(question, text, now, card),
      score: result.score,
      band: result.band,
      passed: result.passed,
      result: result as unknown as AttemptRecord['result'],
      srs: card,
    };
    Object.assign(this.rows[this.index] as SummaryRow, { status: 'answered', score: result.score, band: result.band, timeTakenMs: record.timeTakenMs });
    const blocks: PracticeBlock[] = [
      { kind: 'time', takenMs: record.timeTakenMs, estimatedTime: question.frontmatter.estimatedTime },
      { kind: 'feedback', result },
    ];
    const ended = this.endDraft();
    const step = this.askFollowUp(question, result.followUp, blocks, now);
    return { ...step, effects: [{ kind: 'save', record }, ...ended, ...step.effects] };
  }

  private askFollowUp(question: SubjectiveQuestion, stage: FollowUpTier | 'bar-raiser', blocks: PracticeBlock[], now: Date): PracticeStep {
    // A question without a bar raiser (or without concepts to grade one) goes straight to the samples.
    const prompt = stage === 'bar-raiser' ? askableBarRaiser(question)?.question.text : question.followUps[stage]?.question?.text;
    if (!prompt) return this.offerSamples(blocks, now);
    const followUp = stage === 'bar-raiser' ? undefined : question.followUps[stage];
    // Never a hint that is, word for word, what the answer is graded against.
    const hint = followUp ? hintToShow(followUp) : undefined;
    this.phase = stage === 'bar-raiser' ? 'bar-raiser' : 'follow-up';
    this.stage = stage;
    this.askedAt = now;
    return {
      blocks: [...blocks, { kind: 'follow-up', tier: stage, label: stage === 'bar-raiser' ? question.barRaiser?.label : followUp?.label, question: prompt, hint }],
      ask: this.textAsk(`${question.frontmatter.id}:${stage}`, question, stage),
      effects: [],
    };
  }

  private answerFollowUp(question: SubjectiveQuestion, text: string, now: Date): PracticeStep {
    const result = this.deps.scoreFollowUp(question, this.stage, text);
    const prompt = this.stage === 'bar-raiser' ? question.barRaiser?.question?.text : question.followUps[this.stage]?.question?.text;
    const record: FollowUpRecord = {
      v: HISTORY_VERSION,
      type: 'follow-up',
      attemptId: this.attemptId,
      questionId: question.frontmatter.id,
      stage: this.stage,
      prompt: prompt ?? '',
      answeredAt: now.toISOString(),
      timeTakenMs: Math.max(0, now.getTime() - this.askedAt.getTime()),
      answer: text,
      score: result.score,
      band: result.band,
      result: result as unknown as FollowUpRecord['result'],
    };
    const row = this.rows[this.index] as SummaryRow;
    if (this.stage !== 'bar-raiser') row.followUpScore = result.score;
    const blocks: PracticeBlock[] = [{ kind: 'follow-up-feedback', tier: this.stage, result }];
    const ended = this.endDraft();
    const step = this.stage === 'excellent' ? this.askFollowUp(question, 'bar-raiser', blocks, now) : this.offerSamples(blocks, now);
    return { ...step, effects: [{ kind: 'save', record }, ...ended, ...step.effects] };
  }

  private offerSamples(blocks: PracticeBlock[], now: Date): PracticeStep {
    const question = this.questions[this.index] as SubjectiveQuestion;
    this.phase = 'reveal';
    if (!question.sampleAcceptable && !question.sampleExcellent) return this.next(blocks, now);
    return {
      blocks,
      ask: { kind: 'confirm', id: `${question.frontmatter.id}:reveal`, message: 'Show the acceptable and excellent sample answers?', default: false },
      effects: [],
    };
  }

  private next(blocks: PracticeBlock[], now: Date): PracticeStep {
    this.index++;
    if (this.index >= this.questions.length) return this.finish(blocks, false);
    return this.presentQuestion(blocks, now);
  }

  private finish(blocks: PracticeBlock[], quit: boolean): PracticeStep {
    this.phase = 'done';
    return { blocks: [...blocks, { kind: 'summary', rows: this.rows, quit }], effects: [] };
  }
}
