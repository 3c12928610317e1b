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
  /** How many keywords the rubric has. */
  keywordTotal: number;
  /** Common mistakes the candidate said (red flags). */
  redFlags: string[];
  /** What to ask next, for the most important mandatory concept not fully heard; none when all are. */
  proposal?: ProbeProposal;
  /** The index in `mandatory` of the concept the proposal is for. */
  proposalIndex?: number;
}

/** A probe proposed to the interviewer, who may take it, skip it, or pick another concept. */
export interface ProbeProposal {
  /** The mandatory concept it is meant to draw out. */
  concept: string;
  /**
   * `follow-up`: one of the question's follow-ups whose `Looking for` or hint covers the concept;
   * `author`: the concept's own `Probe:` line, when no follow-up covers it;
   * `neutral`: a prompt that names the area of the question and never the concept.
   */
  source: 'follow-up' | 'author' | 'neutral';
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
 * unless a word of it is a word of a mandatory concept's name (the one asked about or another
 * not heard yet), and then no area at all.
 */
export function neutralPrompt(question: SubjectiveQuestion, rubric: CompiledRubric, item: CompiledItem): string {
  const area = (question.frontmatter.subtopic ?? '').replace(/[-_]+/g, ' ').trim();
  // Word by word, so that a phrase the lexicon knows ("deterministic replay") still shows its words.
  const wordIds = (text: string) => text.split(/[\s-]+/).flatMap((word) => rubric.analyzer.contentIds(word));
  const names = new Set([item, ...rubric.mandatory].flatMap((concept) => wordIds(concept.name)));
  const revealing = wordIds(area).some((id) => names.has(id));
  return area !== '' && !revealing
    ? `Take me through ${area} in this scenario once more, step by step: what happens, and why?`
    : 'Take me through your answer once more, step by step: what happens, and why?';
}

/**
 * The proposal for one mandatory concept (by index), e.g. when the interviewer picks another: the
 * follow-up that covers it, else the author's probe for it, else a neutral prompt.
 */
export function proposeFor(question: SubjectiveQuestion, rubric: CompiledRubric, index: number): ProbeProposal | undefined {
  const item = rubric.mandatory[index];
  if (!item) return undefined;
  const followUp = followUpFor(question, rubric, item);
  if (followUp) return { concept: item.name, source: 'follow-up', tier: followUp.tier, question: followUp.text };
  // The rubric's mandatory items are compiled from the concepts in order, one each.
  const probe = question.core.concepts[index]?.probe?.text.trim();
  if (probe) return { concept: item.name, source: 'author', question: probe };
  return { concept: item.name, source: 'neutral', question: neutralPrompt(question, rubric, item) };
}

/** The interviewer's say over the proposal: concepts passed over (by mandatory index), or one picked. */
export interface ProbeChoice {
  skipped?: readonly number[];
  picked?: number;
}

/**
 * The rubric as heard in the notes so far, computed from the notes alone (the terminal only draws
 * it): each mandatory concept heard, partly heard or not heard yet, the keywords and red flags
 * heard, and a probe for the first mandatory concept in rubric order that is not heard at all
 * (or, when every one is at least partly heard, the first partly heard one). Concepts the
 * interviewer skipped are passed over; a picked concept is proposed whatever was heard.
 */
export function heardSoFar(question: SubjectiveQuestion, rubric: CompiledRubric, notes: string, choice: ProbeChoice = {}): HeardSoFar {
  const result = scoreAnswer(rubric, notes);
  const mandatory = result.concepts
    .filter((c) => c.kind === 'mandatory')
    .map((c) => ({ name: c.name, credit: c.credit, heard: (c.covered ? 'heard' : c.credit > 0 ? 'partly' : 'not_heard') as Heard }));
  const skipped = new Set(choice.skipped ?? []);
  const first = (heard: Heard) => mandatory.findIndex((c, i) => c.heard === heard && !skipped.has(i));
  const picked = choice.picked !== undefined && choice.picked >= 0 && choice.picked < mandatory.length ? choice.picked : -1;
  const index = picked !== -1 ? picked : first('not_heard') !== -1 ? first('not_heard') : first('partly');
  const proposal = index === -1 ? undefined : proposeFor(question, rubric, index);
  return {
    mandatory,
    keywordsHeard: result.keywordResults.filter((k) => k.hit).map((k) => k.text),
    keywordTotal: result.keywordResults.length,
    redFlags: result.mistakes.filter((m) => m.mode === 'commission').map((m) => m.text),
    ...(proposal ? { proposal, proposalIndex: index } : {}),
  };
}
