/**
 * The leniency control: every bank question's rubric against the other questions' excellent
 * samples. A right answer to another question must not pass: looser matching that lifts
 * calibration by crediting anything on the topic shows up here first.
 * `npm run eval:blind` prints it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findQuestionFiles } from '../../src/adapters/question-files.js';
import type { ScoringSetup } from '../../src/adapters/scoring-files.js';
import type { SubjectiveQuestion } from '../../src/core/model/subjective.js';
import { parseQuestion } from '../../src/core/parse/parse-question.js';
import { compileRubric } from '../../src/core/score/compile.js';
import { scoreAnswer } from '../../src/core/score/score-answer.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The bank's subjective questions, in file order. */
export async function bankQuestions(): Promise<SubjectiveQuestion[]> {
  const files = await findQuestionFiles([path.join(REPO_ROOT, 'questions')]);
  return files
    .map((file) => parseQuestion(readFileSync(file, 'utf8'), file).question)
    .filter((q): q is SubjectiveQuestion => q?.type === 'subjective');
}

export interface LeniencyReport {
  /** Other-topic samples scored, how many passed, their mean and the highest. */
  otherTopic: { count: number; passed: number; mean: number; max: number; worst: string; passes: string[] };
  /** Same-topic samples scored and how many passed. */
  sameTopic: { count: number; passed: number; share: number; worst: string };
}

export function leniency(questions: readonly SubjectiveQuestion[], setup: ScoringSetup): LeniencyReport {
  const other = { count: 0, passed: 0, sum: 0, max: 0, worst: '', passes: [] as string[] };
  const same = { count: 0, passed: 0, max: -1, worst: '' };
  for (const question of questions) {
    const rubric = compileRubric(question, setup.lexicon, setup.config);
    for (const answerer of questions) {
      if (answerer === question || !answerer.sampleExcellent) continue;
      const result = scoreAnswer(rubric, answerer.sampleExcellent.text);
      const label = `${answerer.frontmatter.id} against ${question.frontmatter.id}: ${result.score}`;
      if (answerer.frontmatter.topic === question.frontmatter.topic) {
        same.count++;
        if (result.passed) same.passed++;
        if (result.score > same.max) Object.assign(same, { max: result.score, worst: label });
      } else {
        other.count++;
        other.sum += result.score;
        if (result.passed) {
          other.passed++;
          other.passes.push(`${answerer.frontmatter.id} against ${question.frontmatter.id}`);
        }
        if (result.score > other.max) Object.assign(other, { max: result.score, worst: label });
      }
    }
  }
  return {
    otherTopic: { count: other.count, passed: other.passed, mean: other.count ? other.sum / other.count : 0, max: other.max, worst: other.worst, passes: other.passes },
    sameTopic: { count: same.count, passed: same.passed, share: same.count ? same.passed / same.count : 0, worst: same.worst },
  };
}

export function formatLeniency(report: LeniencyReport): string {
  const { otherTopic: o, sameTopic: s } = report;
  return [
    'leniency control: every question against the other questions\' excellent samples',
    `  other topics: ${o.count} scored, ${o.passed} pass, mean ${o.mean.toFixed(1)}, highest ${o.worst}`,
    `  same topic:   ${s.count} scored, ${s.passed} pass (${(100 * s.share).toFixed(1)}%), highest ${s.worst}`,
  ].join('\n');
}
