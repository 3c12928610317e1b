import { compileRubric, type CompiledRubric } from '../../src/core/score/compile.js';
import type { ScoringConfig } from '../../src/core/score/config.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import type { GradedAnswer } from '../../src/core/calibrate/features.js';
import { readBlindSet, type BlindAnswer } from '../eval/blind-set.js';
import { bankQuestions } from '../eval/leniency.js';
import { scoringSetup } from '../helpers/scoring.js';

export { BLIND_SET } from '../eval/blind-set.js';

/** Compiles each question's rubric once per config. */
export function rubricCache(config: ScoringConfig, lexicon: Awaited<ReturnType<typeof scoringSetup>>['lexicon']) {
  const compiled = new Map<SubjectiveQuestion, CompiledRubric>();
  return (question: SubjectiveQuestion): CompiledRubric => {
    let rubric = compiled.get(question);
    if (!rubric) compiled.set(question, (rubric = compileRubric(question, lexicon, config)));
    return rubric;
  };
}

/** The blind set's 200 answers with their questions from the shipped bank and their graders' grades. */
export async function blindGraded(): Promise<Array<GradedAnswer & { blind: BlindAnswer }>> {
  const byId = new Map((await bankQuestions()).map((q) => [q.frontmatter.id, q]));
  return readBlindSet().map((blind) => {
    const question = byId.get(blind.question);
    if (!question) throw new Error(`the blind set names ${blind.question}, which the bank does not have`);
    return { question, answer: blind.answer, grade: blind.grade, blind };
  });
}

/**
 * The same answers graded by a known bar: qbank's score under `bar` (another config), mapped to
 * a grade 0-5 by `toGrade` (default: to the nearest whole grade, score / 20).
 */
export async function gradedBy(bar: ScoringConfig, answers: readonly GradedAnswer[], toGrade = (score: number) => Math.round(score / 20)): Promise<GradedAnswer[]> {
  const { lexicon } = await scoringSetup();
  const rubricFor = rubricCache(bar, lexicon);
  return answers.map((a) => ({ question: a.question, answer: a.answer, grade: toGrade(scoreAnswer(rubricFor(a.question), a.answer).score) }));
}
