import { z } from 'zod';
import {
  BarRaiserSchema,
  BulletSchema,
  ExerciseSchema,
  FollowUpSchema,
  MetadataEntrySchema,
  RubricPartSchema,
  SectionSchema,
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
