import type { SubjectiveQuestion } from '../model/subjective.js';
import type { CompiledRubric } from '../score/compile.js';
import type { ScoringConfig } from '../score/config.js';
import { exactShare } from '../score/evaluate.js';
import { scoreAnswer } from '../score/score-answer.js';
import type { ConceptResult, ScoreResult } from '../score/result.js';

/** What rescoring needs of one concept's result. */
export interface ConceptEvidence {
  /** Matched by its name, its name's words or its description: credit 1 under any credit map. */
  full: boolean;
  /** The weighted share of its terms in the best sentence or window (unrounded when the answer was scored here). */
  share: number;
  /** The credit the scorer gave it under the config the evidence was taken with. */
  credit: number;
}

/** One graded answer reduced to what the fitted numbers act on. Nothing in it depends on them. */
export interface AnswerEvidence {
  /** The question's id: cross-validation folds are made of whole questions. */
  question: string;
  grade: number;
  /** The part weights the question's headings give; undefined where `defaultWeights` applies. */
  weights: { mandatory: number | undefined; bonus: number | undefined };
  mandatory: ConceptEvidence[];
  bonus: ConceptEvidence[];
  /** Keywords hit, of how many. */
  mandatoryKeywords: { hit: number; total: number };
  bonusKeywords: { hit: number; total: number };
  /** Points taken for common mistakes. */
  penalty: number;
  /** The answer reads as a bare keyword list, so its score is capped below passing. */
  listLike: boolean;
  /** What the scorer gave it under the config the evidence was taken with. */
  score: number;
}

/** Every graded answer's evidence, and the credit map it was taken with. */
export interface EvidenceSet {
  answers: AnswerEvidence[];
  /** The credit floor and saturation of that config: under them each concept's own credit is exact. */
  credit: { floor: number; saturation: number };
}

const FULL = new Set<ConceptResult['via']>(['name', 'name-words', 'description']);

function concept(result: ConceptResult): ConceptEvidence {
  return { full: FULL.has(result.via), share: exactShare(result) ?? result.share ?? 0, credit: result.credit };
}

/** The evidence of one scored answer. */
export function evidenceOf(question: SubjectiveQuestion, result: ScoreResult, config: ScoringConfig, grade: number): AnswerEvidence {
  const hits = (kind: 'mandatory' | 'bonus') => {
    const list = result.keywordResults.filter((k) => k.kind === kind);
    return { hit: list.filter((k) => k.hit).length, total: list.length };
  };
  return {
    question: question.frontmatter.id,
    grade,
    weights: { mandatory: question.core.weight ?? undefined, bonus: question.bonus.weight ?? undefined },
    mandatory: result.concepts.filter((c) => c.kind === 'mandatory').map(concept),
    bonus: result.concepts.filter((c) => c.kind === 'bonus').map(concept),
    mandatoryKeywords: hits('mandatory'),
    bonusKeywords: hits('bonus'),
    penalty: result.penalty,
    listLike: result.stats.listShare > config.stuffing.listShare,
    score: result.score,
  };
}

/** A graded answer to a question of the bank. */
export interface GradedAnswer {
  question: SubjectiveQuestion;
  answer: string;
  grade: number;
}

/**
 * Scores every graded answer once, with `rubricFor`'s config (each rubric compiled once by the
 * caller), and keeps the evidence. `onProgress` is told after each answer.
 */
export function collectEvidence(
  graded: readonly GradedAnswer[],
  rubricFor: (question: SubjectiveQuestion) => CompiledRubric,
  config: ScoringConfig,
  onProgress?: (done: number, total: number) => void,
): EvidenceSet {
  const answers = graded.map((g, i) => {
    const evidence = evidenceOf(g.question, scoreAnswer(rubricFor(g.question), g.answer), config, g.grade);
    onProgress?.(i + 1, graded.length);
    return evidence;
  });
  return { answers, credit: { floor: config.credit.floor, saturation: config.credit.saturation } };
}
