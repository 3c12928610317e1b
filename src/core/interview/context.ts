import type { FollowUpTier } from '../model/elements.js';
import type { SubjectiveQuestion } from '../model/subjective.js';
import type { CompiledRubric } from '../score/compile.js';
import { barRaiserProbe, followUpProbe, type Probe } from './probe.js';
import type { Draft, Phase, SessionMeta } from './records.js';

/** A planned question with its compiled rubric. */
export interface PlannedQuestion {
  question: SubjectiveQuestion;
  rubric: CompiledRubric;
}

/** What the steps of one question need besides the draft. */
export class QuestionContext {
  private readonly probes = new Map<string, Probe | undefined>();

  constructor(
    readonly meta: SessionMeta,
    readonly planned: PlannedQuestion,
    readonly index: number,
  ) {}

  get question(): SubjectiveQuestion {
    return this.planned.question;
  }

  get rubric(): CompiledRubric {
    return this.planned.rubric;
  }

  followUp(tier: FollowUpTier): Probe | undefined {
    const key = `follow_up:${tier}`;
    if (!this.probes.has(key)) this.probes.set(key, followUpProbe(this.question, this.rubric, tier));
    return this.probes.get(key);
  }

  barRaiser(): Probe | undefined {
    if (!this.probes.has('bar_raiser')) this.probes.set('bar_raiser', barRaiserProbe(this.question, this.rubric));
    return this.probes.get('bar_raiser');
  }

  /** The probe a draft is on: its follow-up during follow-up phases, the bar raiser after. */
  probeFor(draft: Draft): Probe | undefined {
    if (draft.phase.startsWith('bar-raiser')) return this.barRaiser();
    return draft.followUp?.tier ? this.followUp(draft.followUp.tier) : undefined;
  }
}

/** Ask ids name the question (0-based) and the phase: `q0:notes`, or `decision`, `decision-reason`. */
export function askId(index: number, phase: Phase): string {
  return `q${index}:${phase}`;
}

export function parseAskId(id: string): { index: number; phase: Phase } | { decision: 'decision' | 'decision-reason' } | undefined {
  if (id === 'decision' || id === 'decision-reason') return { decision: id };
  const match = /^q(\d+):([a-z-]+)$/.exec(id);
  if (!match) return undefined;
  return { index: Number(match[1]), phase: match[2] as Phase };
}
