import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findQuestionFiles } from '../../src/adapters/question-files.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { REPO_ROOT, SEED_QUESTION_FILES, seedsPresent } from '../helpers/fixtures.js';
import { scoringSetup, subjectiveFrom } from '../helpers/scoring.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';

/** A paragraph on nothing the bank covers. */
const OFF_TOPIC =
  'On Sundays I walk along the river to the old market, where a baker sells rye loaves and a florist arranges tulips in tin buckets. ' +
  'Afterwards I read a novel in the park until the light fades and the ducks settle on the water.';

const bankFiles = await findQuestionFiles([path.join(REPO_ROOT, 'questions')]);
const files = [...bankFiles, ...(seedsPresent ? SEED_QUESTION_FILES : [])];
const subjective = files
  .map((file) => ({ file, parsed: parseQuestion(readFileSync(file, 'utf8'), file) }))
  .filter(({ parsed }) => parsed.question?.type === 'subjective');

describe('every rubric agrees with its own samples', () => {
  let setup: Awaited<ReturnType<typeof scoringSetup>>;
  beforeAll(async () => {
    setup = await scoringSetup();
  });

  it('covers the bank and the seed question files', () => {
    expect(subjective.length).toBeGreaterThanOrEqual(bankFiles.length > 0 ? 3 : 0);
  });

  for (const { file } of subjective) {
    const name = path.relative(REPO_ROOT, file);
    it(`${name}`, () => {
      const question: SubjectiveQuestion = subjectiveFrom(readFileSync(file, 'utf8'), file);
      const rubric = compileRubric(question, setup.lexicon, setup.config);
      const excellent = scoreAnswer(rubric, question.sampleExcellent?.text ?? '');
      const acceptable = scoreAnswer(rubric, question.sampleAcceptable?.text ?? '');
      const keywords = [...question.core.keywords, ...question.bonus.keywords].flatMap((g) => g.keywords.map((k) => k.text));
      const bare = scoreAnswer(rubric, keywords.join(', '));
      const offTopic = scoreAnswer(rubric, OFF_TOPIC);
      expect(excellent.band, 'sample_excellent is excellent').toBe('excellent');
      expect(acceptable.passed, `sample_acceptable passes (scored ${acceptable.score})`).toBe(true);
      expect(acceptable.score, 'sample_acceptable scores below sample_excellent').toBeLessThan(excellent.score);
      expect(bare.passed, `the bare keyword list does not pass (scored ${bare.score})`).toBe(false);
      expect(offTopic.score, 'an off-topic paragraph scores under 10').toBeLessThan(10);
    });
  }
});
