import { questionTitle } from '../model/question.js';
import type { Input, SessionMachine, Step, Typing, TypingStep } from '../session/interaction.js';
import { askFor, decisionAsk, decisionReasonAsk } from './asks.js';
import type { InterviewBlock, InterviewEffect } from './blocks.js';
import { flagItems } from './checklist.js';
import { QuestionContext, type PlannedQuestion } from './context.js';
import type { QuestionOutcome } from './outcome.js';
import { probeBlock } from './probe-flow.js';
import { typeNotes } from './live-notes.js';
import { handleQuestionInput } from './question-flow.js';
import { nextIndex, RECORD_VERSION, type Decision, type Draft, type SessionMeta, type SessionRecord } from './records.js';
import { recommend, recommendationLabel, RECOMMENDATIONS, type Recommendation } from './recommendation.js';
import { elapsedSeconds, formatTimer } from './timer.js';

type InterviewStep = Step<InterviewBlock, InterviewEffect>;

/** Where a session was left, as rebuilt from its log. */
export interface InterviewProgress {
  outcomes: ReadonlyMap<number, QuestionOutcome>;
  draft?: Draft;
  decision?: Decision;
}

const PROBE_PHASES = new Set<Draft['phase']>(['follow-up-notes', 'follow-up-ticks', 'bar-raiser-notes', 'bar-raiser-ticks']);

/** Whether a saved draft still matches the question's rubric (the file may have been edited). */
function draftFits(ctx: QuestionContext, draft: Draft): boolean {
  const { rubric } = ctx;
  const lengths: Array<[readonly boolean[] | undefined, number]> = [
    [draft.suggested?.concepts, rubric.mandatory.length + rubric.bonus.length],
    [draft.concepts, rubric.mandatory.length + rubric.bonus.length],
    [draft.suggested?.keywords, rubric.mandatoryKeywords.length + rubric.bonusKeywords.length],
    [draft.keywords, rubric.mandatoryKeywords.length + rubric.bonusKeywords.length],
    [draft.suggested?.flags, rubric.mistakes.length],
    [draft.flags, rubric.mistakes.length],
  ];
  if (lengths.some(([list, length]) => list !== undefined && list.length !== length)) return false;
  if (draft.followUp?.tier && !ctx.followUp(draft.followUp.tier)) return false;
  return !(draft.barRaiser && !ctx.barRaiser());
}

const save = (record: SessionRecord): InterviewEffect => ({ kind: 'save', record });

/**
 * A live interview as a pure state machine: each question is shown with its rubric, the
 * interviewer's notes are scored into suggested ticks, the ticks are confirmed, a follow-up is
 * chosen, a rating given; every step is saved so a crash loses nothing; at the end the derived
 * recommendation is confirmed or overridden.
 */
export class InterviewMachine implements SessionMachine<InterviewBlock, InterviewEffect> {
  private readonly outcomes: Map<number, QuestionOutcome>;
  private draft: Draft | undefined;
  private context: QuestionContext | undefined;
  private decisionPhase: { phase: 'decision' | 'decision-reason'; chosen?: Recommendation } | undefined;
  private decision: Decision | undefined;

  constructor(
    private readonly meta: SessionMeta,
    private readonly planned: readonly PlannedQuestion[],
    progress: InterviewProgress,
  ) {
    this.outcomes = new Map(progress.outcomes);
    this.draft = progress.draft;
    this.decision = progress.decision;
  }

  start(now: Date): InterviewStep {
    if (this.decision) return { blocks: [{ kind: 'complete', session: this.meta.id, recommendation: recommendationLabel(this.decision.final) }], effects: [] };
    const resumed = this.outcomes.size > 0 || this.draft !== undefined;
    const blocks: InterviewBlock[] = resumed
      ? [{ kind: 'message', tone: 'info', text: `Resuming ${this.meta.id} (${this.meta.candidate}): ${this.outcomes.size} of ${this.meta.questions.length} questions done.` }]
      : [];
    const step = this.nextQuestion(now, this.draft);
    return { ...step, blocks: [...blocks, ...step.blocks] };
  }

  handle(input: Input, now: Date): InterviewStep {
    if (input.kind === 'quit') return { blocks: [{ kind: 'stopped', session: this.meta.id }], effects: [] };
    if (this.decisionPhase) return this.handleDecision(input, now);
    const ctx = this.context;
    const current = this.draft;
    if (!ctx || !current) return this.nextQuestion(now);
    // Submitted text holds the lines typed so far; a skip keeps them for coming back.
    const draft: Draft = input.kind === 'text' ? { ...current, typed: undefined } : current;
    const result = handleQuestionInput(ctx, draft, input, now);
    if ('draft' in result) {
      this.draft = result.draft;
      return { blocks: result.blocks, ask: askFor(ctx, result.draft, now), effects: [save({ v: RECORD_VERSION, type: 'draft', at: now.toISOString(), draft: result.draft })] };
    }
    const { outcome } = result;
    this.outcomes.set(outcome.index, outcome);
    this.draft = undefined;
    const saved: InterviewBlock = { kind: 'saved', index: outcome.index, status: outcome.status, band: outcome.rating?.band ?? null, score: outcome.score, overridden: outcome.rating?.overridden === true };
    const next = this.nextQuestion(now);
    return { blocks: [...result.blocks, saved, ...next.blocks], ask: next.ask, effects: [save({ v: RECORD_VERSION, type: 'question', at: now.toISOString(), outcome }), ...next.effects] };
  }

  /** Notes as they are typed: each new line saved, and at the main notes the live panel. */
  typing(typing: Typing, now: Date): TypingStep<InterviewBlock, InterviewEffect> {
    if (!this.context || !this.draft || this.decisionPhase) return { blocks: [], effects: [] };
    const step = typeNotes(this.context, this.draft, typing, now);
    this.draft = step.draft;
    return { blocks: step.blocks, effects: step.records.map(save) };
  }

  /** Shows the next question to ask (or resumes its draft), or moves on to the decision. */
  private nextQuestion(now: Date, resume?: Draft): InterviewStep {
    const index = nextIndex(this.meta, this.outcomes);
    const planned = this.planned[index];
    if (!planned) return this.decisionStep();
    const ctx = new QuestionContext(this.meta, planned, index);
    this.context = ctx;
    const fits = resume !== undefined && resume.index === index && draftFits(ctx, resume);
    const fresh = !fits;
    const draft: Draft = fits ? resume : { index, phase: 'notes', startedAt: now.toISOString() };
    this.draft = draft;
    const blocks: InterviewBlock[] = [];
    if (resume && resume.index === index && !fits) {
      blocks.push({ kind: 'message', tone: 'warning', text: `${ctx.question.frontmatter.id} changed since its notes were saved; starting it again.` });
    }
    blocks.push(...questionBlocks(ctx, draft, now, this.planned.length));
    const probe = ctx.probeFor(draft);
    if (probe && PROBE_PHASES.has(draft.phase)) blocks.push(probeBlock(probe));
    const effects = fresh ? [save({ v: RECORD_VERSION, type: 'draft', at: now.toISOString(), draft })] : [];
    return { blocks, ask: askFor(ctx, draft, now), effects };
  }

  private decisionStep(): InterviewStep {
    const basis = recommend([...this.outcomes.values()].sort((a, b) => a.index - b.index), this.meta.targetLevel);
    this.decisionPhase = { phase: 'decision' };
    const points = new Map(basis.questions.map((q) => [q.id, q.points]));
    const rows = [...this.outcomes.values()]
      .sort((a, b) => a.index - b.index)
      .map((o) => ({ index: o.index, id: o.id, status: o.status, band: o.rating?.band ?? null, score: o.score, points: o.status === 'not_asked' ? null : (points.get(o.id) ?? null) }));
    return { blocks: [{ kind: 'summary', rows, basis }], ask: decisionAsk(basis), effects: [] };
  }

  private handleDecision(input: Input, now: Date): InterviewStep {
    const basis = recommend([...this.outcomes.values()], this.meta.targetLevel);
    const phase = this.decisionPhase;
    if (phase?.phase === 'decision-reason' && phase.chosen) {
      if (input.kind === 'skip') return this.decisionStep();
      const reason = input.kind === 'text' ? input.text.trim() : '';
      if (reason === '') {
        return { blocks: [{ kind: 'message', tone: 'warning', text: 'Overriding the derived recommendation needs a reason (or :skip to choose again).' }], ask: decisionReasonAsk(basis.value, phase.chosen), effects: [] };
      }
      return this.decide({ derived: basis.value, final: phase.chosen, overridden: true, reason }, now);
    }
    const chosen = input.kind === 'choice' && (RECOMMENDATIONS as readonly string[]).includes(input.value) ? (input.value as Recommendation) : basis.value;
    if (chosen === basis.value) return this.decide({ derived: basis.value, final: chosen, overridden: false, reason: null }, now);
    this.decisionPhase = { phase: 'decision-reason', chosen };
    return { blocks: [], ask: decisionReasonAsk(basis.value, chosen), effects: [] };
  }

  private decide(decision: Decision, now: Date): InterviewStep {
    this.decision = decision;
    this.decisionPhase = undefined;
    return {
      blocks: [{ kind: 'complete', session: this.meta.id, recommendation: recommendationLabel(decision.final) }],
      effects: [save({ v: RECORD_VERSION, type: 'decision', at: now.toISOString(), decision })],
    };
  }
}

/** The question to read aloud and the rubric to listen with. */
export function questionBlocks(ctx: QuestionContext, draft: Draft, now: Date, total: number): InterviewBlock[] {
  const { question } = ctx;
  const fm = question.frontmatter;
  const meta = [fm.level, fm.category, [fm.topic, fm.subtopic].filter(Boolean).join('/')].filter((part) => part && part !== '').join(' · ');
  const budget = ctx.meta.totalMinutes ? { min: ctx.meta.totalMinutes, max: ctx.meta.totalMinutes } : null;
  return [
    {
      kind: 'question',
      index: ctx.index,
      total,
      id: fm.id,
      title: questionTitle(question),
      meta,
      text: question.mainQuestion?.text ?? '',
      timer: formatTimer(elapsedSeconds(draft.startedAt, now), fm.estimatedTime),
      session: formatTimer(elapsedSeconds(ctx.meta.startedAt, now), budget),
    },
    {
      kind: 'rubric',
      mandatory: question.core.concepts.map((c) => ({ name: c.name, description: c.description })),
      bonus: question.bonus.concepts.map((c) => ({ name: c.name, description: c.description })),
      expectedKeywords: question.core.keywords.flatMap((g) => g.keywords.map((k) => k.text)),
      bonusKeywords: question.bonus.keywords.flatMap((g) => g.keywords.map((k) => k.text)),
      redFlags: flagItems(question).map((f) => f.value),
    },
  ];
}
