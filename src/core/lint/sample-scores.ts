import type { Question } from '../model/question.js';
import { compileRubric } from '../score/compile.js';
import { scoreAnswer } from '../score/score-answer.js';
import { isPlaceholder } from './placeholder.js';
import type { SampleScores, ScoringServices } from './rule.js';

/**
 * Compiles a subjective question's rubric once and scores its two samples against it. A sample
 * that is missing or still a `TODO` placeholder is not scored (other rules report those).
 */
export function scoreSamples(question: Question, scoring: ScoringServices): SampleScores | undefined {
  if (question.type !== 'subjective') return undefined;
  const excellent = question.sampleExcellent?.text;
  const acceptable = question.sampleAcceptable?.text;
  const usable = (text: string | undefined): text is string => text !== undefined && text.trim() !== '' && !isPlaceholder(text);
  if (!usable(excellent) && !usable(acceptable)) return {};
  const rubric = compileRubric(question, scoring.lexicon, scoring.config);
  return {
    excellent: usable(excellent) ? scoreAnswer(rubric, excellent) : undefined,
    acceptable: usable(acceptable) ? scoreAnswer(rubric, acceptable) : undefined,
  };
}
