import { z } from 'zod';
import { FrontmatterSchema, QUESTION_TYPES } from '../model/frontmatter.js';
import { SpanSchema, START_OF_FILE } from '../model/position.js';
import { questionTitle, type Question } from '../model/question.js';

/**
 * What a bank knows of a question it serves without its file: what lists print and filters and
 * selection read. Small, so a bank of ten thousand files keeps these in memory (and in its index)
 * and parses a file again only when a command needs the whole question.
 */
export const QuestionSummarySchema = z.object({
  /** The file, as named in output. */
  file: z.string(),
  type: z.enum(QUESTION_TYPES),
  /** What lists show: the `question_title` label, or the start of the question (`questionTitle`). */
  title: z.string(),
  /** The frontmatter fields lists, filters and selection use, as in the model. */
  frontmatter: FrontmatterSchema.pick({ id: true, level: true, category: true, topic: true, subtopic: true, estimatedTime: true, tags: true }),
  /** Where the id is written: a duplicate id is reported there. */
  idSpan: SpanSchema,
});
export type QuestionSummary = z.infer<typeof QuestionSummarySchema>;

/** The summary of a parsed question. */
export function summariseQuestion(question: Question): QuestionSummary {
  const fm = question.frontmatter;
  const frontmatter: QuestionSummary['frontmatter'] = { id: fm.id, tags: [...fm.tags] };
  if (fm.level !== undefined) frontmatter.level = fm.level;
  if (fm.category !== undefined) frontmatter.category = fm.category;
  if (fm.topic !== undefined) frontmatter.topic = fm.topic;
  if (fm.subtopic !== undefined) frontmatter.subtopic = fm.subtopic;
  if (fm.estimatedTime !== undefined) frontmatter.estimatedTime = { ...fm.estimatedTime };
  return { file: question.file, type: question.type, title: questionTitle(question), frontmatter, idSpan: fm.spans.id ?? START_OF_FILE };
}
