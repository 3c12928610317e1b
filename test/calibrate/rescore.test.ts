import { beforeAll, describe, expect, it } from 'vitest';
import { collectEvidence, type EvidenceSet, type GradedAnswer } from '../../src/core/calibrate/features.js';
import { rescore } from '../../src/core/calibrate/rescore.js';
import type { ScoringConfig } from '../../src/core/score/config.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { OUTPUT_RULE_ANSWERS } from '../helpers/answers.js';
import { mutated } from '../helpers/fixtures.js';
import { scoringSetup, subjectiveFrom } from '../helpers/scoring.js';
import { blindGraded, rubricCache } from './helpers.js';

let setup: Awaited<ReturnType<typeof scoringSetup>>;
let graded: GradedAnswer[];
let evidence: EvidenceSet;
beforeAll(async () => {
  setup = await scoringSetup();
  // The blind answers, and for each of their questions its samples and its keywords listed bare
  // (read as a keyword list, so capped): every path of the formula.
  const blind = await blindGraded();
  const questions = [...new Set(blind.map((b) => b.question))];
  const extra = questions.flatMap((question) => {
    const keywords = [...question.core.keywords, ...question.bonus.keywords].flatMap((g) => g.keywords.map((k) => k.text));
    return [question.sampleExcellent?.text ?? '', question.sampleAcceptable?.text ?? '', keywords.join(', ')].map((answer) => ({ question, answer, grade: 0 }));
  });
  graded = [...blind, ...extra];
  evidence = collectEvidence(graded, rubricCache(setup.config, setup.lexicon), setup.config);
});

/** scoreAnswer's score for every blind answer, each rubric compiled with `config`. */
function scorerScores(config: ScoringConfig): number[] {
  const rubricFor = rubricCache(config, setup.lexicon);
  return graded.map((g) => scoreAnswer(rubricFor(g.question), g.answer).score);
}

describe('rescoring from evidence', () => {
  it('gives scoreAnswer\'s score for the config the evidence was taken with, on the blind answers, the samples and bare keyword lists', () => {
    const scores = scorerScores(setup.config);
    expect(evidence.answers.map((a) => rescore(a, setup.config, evidence.credit))).toEqual(scores);
    // The set covers what the formula has to get right: partial credit, list caps, penalties.
    expect(evidence.answers.some((a) => a.mandatory.some((c) => !c.full && c.credit > 0 && c.credit < 1))).toBe(true);
    expect(evidence.answers.filter((a) => a.listLike).length).toBeGreaterThan(10);
    expect(evidence.answers.some((a) => a.penalty > 0)).toBe(true);
  });

  const c = () => setup.config;
  const exact: Array<[string, () => ScoringConfig]> = [
    ['keywords counting more', () => ({ ...c(), partShares: { concepts: 0.5, keywords: 0.5 } })],
    ['stricter saturation', () => ({ ...c(), saturation: { ...c().saturation, mandatoryConcepts: 0.75, mandatoryKeywords: 1, bonusConcepts: 0.8, bonusKeywords: 0.25 } })],
    ['another pass mark and bands (the keyword-list cap follows them)', () => ({ ...c(), pass: 30, bands: { excellent: 80, good: 52, needs_improvement: 20 } })],
  ];
  it.each(exact)('gives scoreAnswer\'s score under another config: %s', (_name, make) => {
    const config = make();
    const expected = scorerScores(config);
    expect(evidence.answers.map((a) => rescore(a, config, evidence.credit))).toEqual(expected);
    expect(expected, 'the config changes some scores').not.toEqual(evidence.answers.map((a) => a.score));
  });

  it("gives scoreAnswer's score under another credit floor and saturation too (from the unrounded shares)", () => {
    for (const [floor, saturation] of [[0.1, 0.5], [0.3, 0.8], [0, 0.3]] as const) {
      const config = { ...c(), credit: { ...c().credit, floor, saturation } };
      const expected = scorerScores(config);
      const got = evidence.answers.map((a) => rescore(a, config, evidence.credit));
      expect(got, `floor ${floor}, saturation ${saturation}`).toEqual(expected);
      // The credit map matters here: the scores are not those of the shipped config.
      expect(got).not.toEqual(evidence.answers.map((a) => a.score));
    }
  });

  it('uses defaultWeights for a question whose headings give no weights, as scoreAnswer does', async () => {
    const question = subjectiveFrom(mutated([[' (60%)', ''], [' (40%)', '']], 'output-rule.md'));
    expect(question.core.weight).toBeUndefined();
    const answers = Object.values(OUTPUT_RULE_ANSWERS).map((answer) => ({ question, answer, grade: 0 }));
    const taken = collectEvidence(answers, rubricCache(c(), setup.lexicon), c());
    const byWeights = [40, 75].map((mandatory) => {
      const config = { ...c(), defaultWeights: { mandatory, bonus: 100 - mandatory } };
      const rubricFor = rubricCache(config, setup.lexicon);
      const expected = answers.map((a) => scoreAnswer(rubricFor(question), a.answer).score);
      expect(taken.answers.map((a) => rescore(a, config, taken.credit))).toEqual(expected);
      return expected;
    });
    expect(byWeights[0]).not.toEqual(byWeights[1]);
    expect(taken.answers[0]?.weights).toEqual({ mandatory: undefined, bonus: undefined });
  });
});
