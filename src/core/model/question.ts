import { z } from 'zod';
import { SubjectiveQuestionSchema, type SubjectiveQuestion } from './subjective.js';
import { McqQuestionSchema, type McqQuestion } from './mcq.js';

/** Any question a bank can hold. */
export const QuestionSchema = z.discriminatedUnion('type', [SubjectiveQuestionSchema, McqQuestionSchema]);
export type Question = SubjectiveQuestion | McqQuestion;

/** A short title for lists: the `question_title` label, or the start of the question. */
export function questionTitle(question: Question): string {
  if (question.title?.text) return question.title.text;
  const text = question.type === 'mcq' ? question.question?.text : question.mainQuestion?.text;
  if (!text) return question.frontmatter.id;
  const firstLine = text.split('\n')[0] ?? '';
  return firstLine.length > 70 ? `${firstLine.slice(0, 67).trimEnd()}…` : firstLine;
}
