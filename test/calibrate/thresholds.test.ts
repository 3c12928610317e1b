import { describe, expect, it } from 'vitest';
import type { AnswerEvidence } from '../../src/core/calibrate/features.js';
import { parseGradedLine, parseScale } from '../../src/core/calibrate/graded-line.js';
import { bestOf, fitThresholds, gradeEdges, separatingScore } from '../../src/core/calibrate/thresholds.js';
import { scoringSetup } from '../helpers/scoring.js';

describe('separatingScore', () => {
  it.each([
    ['a clean gap: the middle of it', [10, 20, 30, 70, 80, 90], [0, 1, 2, 4, 5, 5], 3, 50],
    ['one grader disagrees: the cut that most agree with', [10, 20, 60, 70, 80, 90], [0, 1, 1, 4, 5, 5], 3, 65],
    ['ties at one score', [40, 40, 40, 41], [1, 1, 4, 4], 3, 41],
    ['every answer on one side', [10, 20, 30], [4, 5, 5], 3, undefined],
  ])('%s', (_name, scores, grades, grade, expected) => {
    expect(separatingScore(scores, grades, grade)).toBe(expected);
  });

  it('counts an answer that cannot reach a cut (capped) as under it', () => {
    // The 95 is capped: it cannot pass whatever the cut, so it does not pull the cut up or down.
    expect(separatingScore([10, 20, 95, 70, 80], [0, 1, 1, 4, 5], 3, (i) => i !== 2)).toBe(45);
  });
});

describe('bestOf', () => {
  it('picks the middle of the widest run of best values, the first on a tie', () => {
    const values = [0, 1, 3, 3, 3, 1, 3, 3, 0];
    expect(bestOf(0, 8, (t) => values[t] as number)).toEqual({ at: 3, value: 3 });
    expect(bestOf(0, 3, (t) => [2, 0, 0, 2][t] as number)).toEqual({ at: 0, value: 2 });
  });
});

describe('fitThresholds', () => {
  const answer = (score: number, grade: number, listLike = false): AnswerEvidence => ({
    question: 'q',
    grade,
    weights: { mandatory: 100, bonus: 0 },
    // One mandatory concept whose credit is the score, no keywords: the raw score is score.
    mandatory: [{ full: false, share: 0, credit: score / 100 }],
    bonus: [],
    mandatoryKeywords: { hit: 0, total: 0 },
    bonusKeywords: { hit: 0, total: 0 },
    penalty: 0,
    listLike,
    score,
  });
  const taken = { floor: 0.2, saturation: 0.6 };

  it('sets pass at the passing grade and the band edges at the quartiles of the scale', async () => {
    const { config } = await scoringSetup();
    const answers = [answer(5, 0), answer(15, 1), answer(30, 2), answer(45, 2), answer(55, 3), answer(65, 3), answer(85, 4), answer(95, 5)];
    expect(gradeEdges({ min: 0, max: 5, pass: 3 })).toEqual({ pass: 3, needs_improvement: 1.25, good: 2.5, excellent: 3.75 });
    const { config: fit, kept } = fitThresholds(answers, config, taken, { min: 0, max: 5, pass: 3 });
    expect({ pass: fit.pass, ...fit.bands }).toEqual({ pass: 50, excellent: 75, good: 50, needs_improvement: 23 });
    expect([...kept]).toEqual([]);
  });

  it('keeps a cut no grade lies beyond, and an edge the grades do not tell from good', async () => {
    const { config } = await scoringSetup();
    // Nothing graded in the top quarter; the 2s and the 0s score alike.
    const answers = [answer(10, 0), answer(40, 2), answer(20, 0), answer(45, 2), answer(60, 3), answer(70, 3), answer(35, 0), answer(30, 2)];
    const { config: fit, kept } = fitThresholds(answers, config, taken, { min: 0, max: 5, pass: 3 });
    expect(fit.bands.excellent).toBe(config.bands.excellent);
    expect(kept.get('bands.excellent')).toBe('no answer is graded on one side of it');
    expect(fit.pass).toBe(53);
    expect(fit.bands.good).toBe(53);
    expect(fit.bands.needs_improvement).toBeLessThan(fit.bands.good);
  });

  it('counts an answer that reads as a keyword list as failing, whatever its raw score', async () => {
    const { config } = await scoringSetup();
    const answers = [answer(20, 0), answer(30, 1), answer(90, 1, true), answer(95, 1, true), answer(60, 4), answer(70, 5)];
    const { config: fit } = fitThresholds(answers, config, taken, { min: 0, max: 5, pass: 3 });
    expect(fit.pass).toBe(45);
  });
});

describe('reading a graded line', () => {
  it.each([
    ['{"question": "q1", "answer": "It is…", "grade": 4, "grader": "Bo"}', { kind: 'graded', question: 'q1', answer: 'It is…', grade: 4 }],
    ['   ', { kind: 'blank' }],
    ['{"question": "q1", "answer": "x", "grade": 4', { kind: 'invalid', message: 'The line is not valid JSON; each line is {"question": "<id or path>", "answer": "…", "grade": <number>}' }],
    ['[1, 2]', { kind: 'invalid', message: 'The line is not a JSON object; each line is {"question": "<id or path>", "answer": "…", "grade": <number>}' }],
    ['{"answer": "x", "grade": 4}', { kind: 'invalid', message: '"question" is missing; give the question\'s id or the path of its file' }],
    ['{"question": 7, "answer": "x", "grade": 4}', { kind: 'invalid', message: '"question" must be a question id or a file path' }],
    ['{"question": "q1", "grade": 4}', { kind: 'invalid', message: '"answer" is missing; give the answer\'s text' }],
    ['{"question": "q1", "answer": "  ", "grade": 4}', { kind: 'invalid', message: '"answer" is empty' }],
    ['{"question": "q1", "answer": "x"}', { kind: 'invalid', message: '"grade" is missing; give the grade as a number' }],
    ['{"question": "q1", "answer": "x", "grade": null}', { kind: 'invalid', message: '"grade" is missing; give the grade as a number' }],
    ['{"question": "q1", "answer": "x", "grade": "good"}', { kind: 'invalid', message: '"grade" must be a number, got the string "good"' }],
    ['{"question": "q1", "answer": "x", "grade": "4"}', { kind: 'invalid', message: '"grade" must be a number, got the string "4"; write it without quotes' }],
    ['{"question": "q1", "answer": "x", "grade": [4]}', { kind: 'invalid', message: '"grade" must be a number, got a list' }],
  ])('%s', (text, expected) => {
    expect(parseGradedLine(text)).toEqual(expected);
  });
});

describe('--scale', () => {
  it.each([
    ['0-5', { min: 0, max: 5 }],
    ['1-10', { min: 1, max: 10 }],
    ['-2-2', { min: -2, max: 2 }],
    ['0..100', { min: 0, max: 100 }],
    ['5-0', '--scale 5-0: the lowest grade must be below the highest'],
    ['five', '--scale expects MIN-MAX, such as 0-5 or 1-10, got "five"'],
  ])('%s', (text, expected) => {
    expect(parseScale(text)).toEqual(expected);
  });
});
