import { z } from 'zod';
import { SpanSchema } from './position.js';
import { SectionSchema, TextBlockSchema } from './elements.js';
import { FrontmatterSchema } from './frontmatter.js';

/** One `- A) text` option. */
export const McqOptionSchema = z.object({
  /** Upper-case letter, `A`…`Z`. */
  letter: z.string().regex(/^[A-Z]$/),
  text: z.string(),
  span: SpanSchema,
});
export type McqOption = z.infer<typeof McqOptionSchema>;

/** A multiple-choice question: one right letter among the options. */
export const McqQuestionSchema = z.object({
  type: z.literal('mcq'),
  file: z.string(),
  frontmatter: FrontmatterSchema,
  title: TextBlockSchema.optional(),
  question: TextBlockSchema.optional(),
  options: z.array(McqOptionSchema),
  /** The right letter. */
  answer: z.object({ letter: z.string(), span: SpanSchema }).optional(),
  explanation: TextBlockSchema.optional(),
  /** An optional teaser shown before the question. */
  hook: TextBlockSchema.optional(),
  sections: z.array(SectionSchema),
});
export type McqQuestion = z.infer<typeof McqQuestionSchema>;
