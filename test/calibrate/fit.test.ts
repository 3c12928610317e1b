import { beforeAll, describe, expect, it } from 'vitest';
import { calibrate, tooLittleData, type CalibrationReport } from '../../src/core/calibrate/calibrate.js';
import { collectEvidence, type EvidenceSet, type GradedAnswer } from '../../src/core/calibrate/features.js';
import { pearson } from '../../src/core/calibrate/pearson.js';
import type { ScoringConfig } from '../../src/core/score/config.js';
import { scoringSetup } from '../helpers/scoring.js';
import { blindGraded, gradedBy, rubricCache } from './helpers.js';

const SCALE = { min: 0, max: 5, pass: 3 };
let setup: Awaited<ReturnType<typeof scoringSetup>>;
let blind: GradedAnswer[];
beforeAll(async () => {
  setup = await scoringSetup();
  blind = await blindGraded();
});

const evidenceFor = (answers: readonly GradedAnswer[]): EvidenceSet => collectEvidence(answers, rubricCache(setup.config, setup.lexicon), setup.config);
const fitted = (report: CalibrationReport, key: string) => report.numbers.find((n) => n.key === key);

describe('calibrate on a graded set with a known bar', () => {
  // Grades made by qbank itself under another config, rounded to whole grades 0-5 (so the fit
  // cannot reach r = 1, and cross-validation has something to lose).
  const bars: Array<{ name: string; bar: (c: ScoringConfig) => ScoringConfig; expect: (r: CalibrationReport) => void }> = [
    {
      name: 'keywords count for more (partShares.keywords 0.55)',
      bar: (c) => ({ ...c, partShares: { concepts: 0.45, keywords: 0.55 } }),
      expect: (r) => {
        expect(fitted(r, 'partShares.keywords')).toMatchObject({ current: 0.25, moved: true });
        expect(fitted(r, 'partShares.keywords')?.fitted).toBeGreaterThanOrEqual(0.45);
        expect(fitted(r, 'partShares.concepts')?.fitted).toBeLessThanOrEqual(0.55);
        // Grade 3 or more is a bar score of 50 or more; the quartile bands sit at 30, 50 and 70.
        expect(r.config.pass).toBeGreaterThanOrEqual(48);
        expect(r.config.pass).toBeLessThanOrEqual(52);
        expect(r.config.bands.good).toBeGreaterThanOrEqual(48);
        expect(r.config.bands.good).toBeLessThanOrEqual(52);
        expect(r.config.bands.excellent).toBeGreaterThanOrEqual(65);
        expect(r.config.bands.needs_improvement).toBeLessThanOrEqual(35);
      },
    },
    {
      name: 'partial credit comes sooner (credit.floor 0.05, credit.saturation 0.45)',
      bar: (c) => ({ ...c, credit: { ...c.credit, floor: 0.05, saturation: 0.45 } }),
      expect: (r) => {
        // Searched together, from exact shares, the ramp is found where it was set.
        expect(fitted(r, 'credit.floor')).toMatchObject({ current: 0.2, fitted: 0.05, moved: true });
        expect(fitted(r, 'credit.saturation')).toMatchObject({ current: 0.6, fitted: 0.45, moved: true });
      },
    },
  ];
  it.each(bars)('recovers it: $name', async ({ bar, expect: check }) => {
    const graded = await gradedBy(bar(setup.config), blind);
    const report = calibrate(evidenceFor(graded), setup.config, { scale: SCALE, folds: 5 });
    expect(report.r.fitted).toBeGreaterThan(report.r.current + 0.005);
    expect(report.r.crossValidated).toBeLessThanOrEqual(report.r.fitted);
    expect(report.r.crossValidated).toBeGreaterThan(report.r.current);
    expect(report.carriesOver).toBe('yes');
    check(report);
    // Numbers that no answer depends on stay: every bank question gives its weights.
    expect(fitted(report, 'defaultWeights.mandatory')).toMatchObject({ moved: false, note: 'every question gives its own weights' });
  });
});

describe('calibrate on the blind answer set', () => {
  it('reports before, fitted and cross-validated r, cross-validated no higher than fitted', () => {
    const evidence = evidenceFor(blind);
    const report = calibrate(evidence, setup.config, { scale: SCALE, folds: 5 });
    expect(report).toMatchObject({ answers: 200, questions: 20, folds: 5 });
    // "current" is the scorer's own r on the set (0.823 when this was written: README.md).
    expect(report.r.current).toBeCloseTo(pearson(evidence.answers.map((a) => a.score), evidence.answers.map((a) => a.grade)), 12);
    expect(report.r.fitted).toBeGreaterThanOrEqual(report.r.current);
    expect(report.r.crossValidated).toBeLessThanOrEqual(report.r.fitted);
    // Every fold holds 4 whole questions, and the folds hold every question once.
    expect(report.foldDetails.map((f) => f.questions.length)).toEqual([4, 4, 4, 4, 4]);
    expect(new Set(report.foldDetails.flatMap((f) => f.questions)).size).toBe(20);
    // Deterministic: the same answers give the same fit.
    expect(calibrate(evidence, setup.config, { scale: SCALE, folds: 5 })).toEqual(report);
  });

  it('uses as many folds as there are questions when there are fewer', () => {
    const three = blind.filter((b) => ['raft-log-compaction-L4-001', 'scalability-scale-cube-L3-001', 'resilience-retry-storms-L5-001'].includes(b.question.frontmatter.id));
    const report = calibrate(evidenceFor(three), setup.config, { scale: SCALE, folds: 5 });
    expect(report.folds).toBe(3);
    expect(report.foldDetails.map((f) => f.questions.length)).toEqual([1, 1, 1]);
  });
});

describe('too little data', () => {
  const answers = (questions: number, each: number, grade = (i: number) => i % 6) =>
    Array.from({ length: questions * each }, (_, i) => ({ question: `q${i % questions}`, grade: grade(i) }));
  it.each([
    ['no answers', [], 'There are no graded answers to calibrate on'],
    ['one question', answers(1, 40), 'Calibration needs graded answers to at least 3 questions, and these answer only 1 ("q0"): a fit to fewer questions says nothing about new ones'],
    ['two questions', answers(2, 20), 'Calibration needs graded answers to at least 3 questions, and these answer only 2 ("q0", "q1"): a fit to fewer questions says nothing about new ones'],
    ['29 answers', answers(3, 29 / 3 + 1).slice(0, 29), 'Calibration needs at least 30 graded answers, and there are 29; grade more answers first'],
    ['one grade for all', answers(3, 10, () => 4), 'Every answer has the grade 4; calibration needs grades that differ'],
  ])('%s', (_name, list, message) => {
    expect(tooLittleData(list)).toBe(message);
  });
  it('is enough at 3 questions and 30 answers', () => {
    expect(tooLittleData(answers(3, 10))).toBeUndefined();
  });
});
