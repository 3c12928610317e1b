/**
 * The blind answer set (test/eval/blind/answers.jsonl): answers to 20 bank questions written by
 * helpers who saw only each question's main_question, in five qualities (strong, acceptable, weak,
 * wrong, and an answer to a neighbouring question), graded 0–5 against the question's samples by
 * another helper who did not know the intended quality. How it was made: blind/README.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScoringSetup } from '../../src/adapters/scoring-files.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';
import { pearson } from '../../src/core/calibrate/pearson.js';

export const BLIND_SET = path.join(path.dirname(fileURLToPath(import.meta.url)), 'blind', 'answers.jsonl');

export type Quality = 'strong' | 'acceptable' | 'weak' | 'wrong' | 'neighbour';

export interface BlindAnswer {
  question: string;
  writer: string;
  quality: Quality;
  /** The grader's 0–5 grade: 3 is the acceptable sample's level, the interview bar. */
  grade: number;
  answer: string;
}

export function readBlindSet(file = BLIND_SET): BlindAnswer[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as BlindAnswer);
}

export interface BlindReport {
  answers: number;
  questions: number;
  /** Pearson r between qbank's score and the grade. */
  pearson: number;
  /** Share of each quality that passes, and its mean score. */
  byQuality: Record<Quality, { count: number; passed: number; mean: number }>;
  /** Share of answers graded 3 or more (the bar) that pass, and of those graded under 3 that pass. */
  gradedPassing: { passed: number; count: number };
  gradedFailing: { passed: number; count: number };
  /** Each answer's score, for plots and for finding the misses. */
  scored: Array<BlindAnswer & { score: number }>;
}

export function evaluateBlindSet(answers: readonly BlindAnswer[], questions: readonly SubjectiveQuestion[], setup: ScoringSetup): BlindReport {
  const byId = new Map(questions.map((q) => [q.frontmatter.id, q]));
  const rubrics = new Map<string, ReturnType<typeof compileRubric>>();
  const scored = answers.map((a) => {
    const question = byId.get(a.question);
    if (!question) throw new Error(`the blind set names ${a.question}, which the bank does not have`);
    let rubric = rubrics.get(a.question);
    if (!rubric) rubrics.set(a.question, (rubric = compileRubric(question, setup.lexicon, setup.config)));
    return { ...a, score: scoreAnswer(rubric, a.answer).score, passed: false };
  });
  const pass = setup.config.pass;
  const qualities: Quality[] = ['strong', 'acceptable', 'weak', 'wrong', 'neighbour'];
  const byQuality = Object.fromEntries(
    qualities.map((q) => {
      const list = scored.filter((a) => a.quality === q);
      return [q, { count: list.length, passed: list.filter((a) => a.score >= pass).length, mean: list.reduce((s, a) => s + a.score, 0) / Math.max(1, list.length) }];
    }),
  ) as BlindReport['byQuality'];
  const tally = (list: typeof scored) => ({ count: list.length, passed: list.filter((a) => a.score >= pass).length });
  return {
    answers: scored.length,
    questions: rubrics.size,
    pearson: pearson(scored.map((a) => a.score), scored.map((a) => a.grade)),
    byQuality,
    gradedPassing: tally(scored.filter((a) => a.grade >= 3)),
    gradedFailing: tally(scored.filter((a) => a.grade < 3)),
    scored,
  };
}

export function formatBlindReport(report: BlindReport): string {
  const pct = (n: number, d: number) => `${d === 0 ? 0 : Math.round((100 * n) / d)}%`;
  const lines = [
    `blind set: ${report.answers} answers to ${report.questions} questions`,
    `  Pearson r with the grades: ${report.pearson.toFixed(3)}`,
    `  graded 3-5 (at or above the bar) that pass: ${report.gradedPassing.passed} of ${report.gradedPassing.count} (${pct(report.gradedPassing.passed, report.gradedPassing.count)})`,
    `  graded 0-2 that pass: ${report.gradedFailing.passed} of ${report.gradedFailing.count} (${pct(report.gradedFailing.passed, report.gradedFailing.count)})`,
  ];
  for (const [quality, q] of Object.entries(report.byQuality)) {
    lines.push(`  ${quality.padEnd(10)} passing ${String(q.passed).padStart(2)} of ${q.count} (${pct(q.passed, q.count).padStart(4)}), mean score ${q.mean.toFixed(1)}`);
  }
  return lines.join('\n');
}
