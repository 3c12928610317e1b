import type { FollowUpTier } from '../model/elements.js';
import type { SubjectiveQuestion } from '../model/subjective.js';
import { LineIndex } from '../parse/line-index.js';
import type { CompiledItem, CompiledRubric } from '../score/compile.js';
import { evaluateItem } from '../score/evaluate.js';
import { scoreAnswer } from '../score/score-answer.js';

/** How much of a mandatory concept the notes hold so far. */
export type Heard = 'heard' | 'partly' | 'not_heard';

/** The rubric as heard in the notes so far: what the live panel of an interview shows. */
export interface HeardSoFar {
  mandatory: Array<{ name: string; heard: Heard; credit: number }>;
  keywordsHeard: string[];
  /** Common mistakes the candidate said (red flags). */
  redFlags: string[];
  /** What to ask next, for the most important mandatory concept not fully heard; none when all are. */
  proposal?: ProbeProposal;
}

/** A probe proposed to the interviewer, who may take it, skip it, or pick another concept. */
export interface ProbeProposal {
  /** The mandatory concept it is meant to draw out. */
  concept: string;
  /**
   * `follow-up`: one of the question's follow-ups whose `Looking for` or hint covers the concept;
   * `neutral`: a prompt that names the area of the question and never the concept.
   */
  source: 'follow-up' | 'neutral';
  tier?: FollowUpTier;
  question: string;
}

/** A follow-up as text: its question and what its author looks for or hints at (not its red flags). */
function guidanceText(question: SubjectiveQuestion, tier: FollowUpTier): string | undefined {
  const followUp = question.followUps[tier];
  if (!followUp?.question) return undefined;
  const lines = followUp.probes.filter((p) => p.kind !== 'red_flags').map((p) => p.value);
  return [followUp.question.text, ...lines].join('\n\n');
}

/** The follow-up whose guidance best covers a concept (at least half of it), if any. */
function followUpFor(question: SubjectiveQuestion, rubric: CompiledRubric, item: CompiledItem): { tier: FollowUpTier; text: string } | undefined {
  let best: { tier: FollowUpTier; text: string; credit: number } | undefined;
  for (const tier of ['partial', 'weak', 'excellent'] as const) {
    const guidance = guidanceText(question, tier);
    const text = question.followUps[tier]?.question?.text;
    if (!guidance || !text) continue;
    const doc = rubric.analyzer.analyzeAnswer(guidance);
    const { credit } = evaluateItem(doc, item, rubric.config, new LineIndex(doc.text));
    if (credit >= 0.5 && (!best || credit > best.credit)) best = { tier, text, credit };
  }
  return best && { tier: best.tier, text: best.text };
}

/**
 * A prompt about the question's area that gives nothing away: it names the question's subtopic,
 * unless a word of it is a word of the concept, and then no area at all.
 */
export function neutralPrompt(question: SubjectiveQuestion, rubric: CompiledRubric, item: CompiledItem): string {
  const area = (question.frontmatter.subtopic ?? '').replace(/[-_]+/g, ' ').trim();
  const areaIds = rubric.analyzer.contentIds(area);
  const revealing = areaIds.some((id) => item.nameIds.includes(id));
  return area !== '' && !revealing
    ? `Take me through ${area} in this scenario once more, step by step: what happens, and why?`
    : 'Take me through your answer once more, step by step: what happens, and why?';
}

/** The proposal for one mandatory concept (by index), e.g. when the interviewer picks another. */
export function proposeFor(question: SubjectiveQuestion, rubric: CompiledRubric, index: number): ProbeProposal | undefined {
  const item = rubric.mandatory[index];
  if (!item) return undefined;
  const followUp = followUpFor(question, rubric, item);
  if (followUp) return { concept: item.name, source: 'follow-up', tier: followUp.tier, question: followUp.text };
  return { concept: item.name, source: 'neutral', question: neutralPrompt(question, rubric, item) };
}

/**
 * The rubric as heard in the notes so far, computed from the notes alone (the terminal only draws
 * it): each mandatory concept heard, partly heard or not heard yet, the keywords and red flags
 * heard, and a probe for the first mandatory concept in rubric order that is not heard at all
 * (or, when every one is at least partly heard, the first partly heard one).
 */
export function heardSoFar(question: SubjectiveQuestion, rubric: CompiledRubric, notes: string): HeardSoFar {
  const result = scoreAnswer(rubric, notes);
  const mandatory = result.concepts
    .filter((c) => c.kind === 'mandatory')
    .map((c) => ({ name: c.name, credit: c.credit, heard: (c.covered ? 'heard' : c.credit > 0 ? 'partly' : 'not_heard') as Heard }));
  const target = mandatory.findIndex((c) => c.heard === 'not_heard');
  const fallback = mandatory.findIndex((c) => c.heard === 'partly');
  const index = target !== -1 ? target : fallback;
  const proposal = index === -1 ? undefined : proposeFor(question, rubric, index);
  return {
    mandatory,
    keywordsHeard: result.keywordResults.filter((k) => k.hit).map((k) => k.text),
    redFlags: result.mistakes.filter((m) => m.mode === 'commission').map((m) => m.text),
    ...(proposal ? { proposal } : {}),
  };
}
