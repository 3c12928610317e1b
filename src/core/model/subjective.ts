import { z } from 'zod';
import {
  type BarRaiser,
  BarRaiserSchema,
  BulletSchema,
  ExerciseSchema,
  FollowUpSchema,
  MetadataEntrySchema,
  RubricPartSchema,
  SectionSchema,
  type TextBlock,
  TextBlockSchema,
} from './elements.js';
import { FrontmatterSchema } from './frontmatter.js';

/** An open-ended question with its rubric, samples and follow-ups. */
export const SubjectiveQuestionSchema = z.object({
  type: z.literal('subjective'),
  /** The file it was read from, as named by the user or the bank. */
  file: z.string(),
  frontmatter: FrontmatterSchema,
  /** `# question_title - …`: the label is the title. */
  title: TextBlockSchema.optional(),
  mainQuestion: TextBlockSchema.optional(),
  /** `core_concepts`: mandatory concepts and expected keywords. */
  core: RubricPartSchema,
  /** `peripheral_concepts`: bonus concepts and keywords. */
  bonus: RubricPartSchema,
  sampleExcellent: TextBlockSchema.optional(),
  sampleAcceptable: TextBlockSchema.optional(),
  commonMistakes: z.array(BulletSchema),
  followUps: z.object({
    excellent: FollowUpSchema.optional(),
    partial: FollowUpSchema.optional(),
    weak: FollowUpSchema.optional(),
  }),
  barRaiser: BarRaiserSchema.optional(),
  metadata: z.array(MetadataEntrySchema),
  assistantAnswer: TextBlockSchema.optional(),
  improvementSuggestions: z.array(BulletSchema),
  improvementExercises: z.array(ExerciseSchema),
  /** Every heading of the file in order, unknown ones included. */
  sections: z.array(SectionSchema),
});
export type SubjectiveQuestion = z.infer<typeof SubjectiveQuestionSchema>;

/** A bar raiser sessions can ask: it has a question, and concepts to grade the answer against. */
export type AskableBarRaiser = BarRaiser & { question: TextBlock };

/**
 * The question's bar raiser when sessions can ask it. A file may have none (or no concepts for
 * it): practice and interviews then skip the bar raiser.
 */
export function askableBarRaiser(question: SubjectiveQuestion): AskableBarRaiser | undefined {
  const barRaiser = question.barRaiser;
  if (!barRaiser?.question || barRaiser.question.text.trim() === '' || barRaiser.concepts.length === 0) return undefined;
  return { ...barRaiser, question: barRaiser.question };
}
