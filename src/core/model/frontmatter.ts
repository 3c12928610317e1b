import { z } from 'zod';
import { LevelSchema } from './level.js';
import { SpanSchema } from './position.js';
import { EstimatedTimeSchema, parseEstimatedTime } from './estimated-time.js';

export const CATEGORIES = ['baseline', 'bar-raiser'] as const;
export const QUESTION_TYPES = ['subjective', 'mcq'] as const;

/** Ids are file-name safe: letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

export const QuestionIdSchema = z
  .string()
  .regex(ID_PATTERN, 'Use letters, digits, ".", "_" and "-" only, starting with a letter or digit (at most 120 characters)');

const TagsSchema = z.array(z.string().min(1));

/** Question-level synonyms: each key is a term, each value the other ways to say it. */
export const AliasesSchema = z.record(
  z.string().min(1),
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1))),
);

const EstimatedTimeField = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const time = parseEstimatedTime(value);
  if (!time) {
    ctx.addIssue({
      code: 'custom',
      message: `Expected a time budget such as "8-10 minutes" or "5 minutes", got ${JSON.stringify(value)}`,
    });
    return z.NEVER;
  }
  return time;
});

/** Frontmatter of a subjective question. Unknown keys are kept. */
export const SubjectiveFrontmatterSchema = z.looseObject({
  /** Unique id in the bank; by convention the file name without `.md`. */
  id: QuestionIdSchema,
  /** Always `subjective` for this shape. */
  type: z.literal('subjective'),
  /** Target seniority. */
  level: LevelSchema,
  /** `baseline` (expected at the level) or `bar-raiser` (above it). */
  category: z.enum(CATEGORIES),
  /** Broad area, e.g. `fault-tolerance`. */
  topic: z.string().min(1),
  /** Narrower area inside the topic. */
  subtopic: z.string().min(1),
  /** Time budget, e.g. `8-10 minutes`. */
  estimated_time: EstimatedTimeField,
  /** Free-form labels for filtering. */
  tags: TagsSchema.optional(),
  /** Synonyms the scorer accepts for this question only. */
  aliases: AliasesSchema.optional(),
});
export type SubjectiveFrontmatterInput = z.input<typeof SubjectiveFrontmatterSchema>;

/** Frontmatter of a multiple-choice question: only `id` is required. */
export const McqFrontmatterSchema = z.looseObject({
  id: QuestionIdSchema,
  type: z.literal('mcq').optional(),
  level: LevelSchema.optional(),
  category: z.enum(CATEGORIES).optional(),
  topic: z.string().min(1).optional(),
  subtopic: z.string().min(1).optional(),
  tags: TagsSchema.optional(),
});

/** The validated frontmatter carried by every question, with unknown keys kept apart. */
export const FrontmatterSchema = z.object({
  id: z.string(),
  level: LevelSchema.optional(),
  category: z.enum(CATEGORIES).optional(),
  topic: z.string().optional(),
  subtopic: z.string().optional(),
  estimatedTime: EstimatedTimeSchema.optional(),
  tags: z.array(z.string()),
  aliases: z.record(z.string(), z.array(z.string())),
  /** Keys qbank does not know, kept as written (e.g. `day`, `related_stories`). */
  extra: z.record(z.string(), z.unknown()),
  /** Where each top-level key is written, for diagnostics. */
  spans: z.record(z.string(), SpanSchema),
  /** Where the values of keys lint can rewrite (`estimated_time`) are written, quotes included. */
  valueSpans: z.record(z.string(), SpanSchema).optional(),
});
export type Frontmatter = z.infer<typeof FrontmatterSchema>;

export const KNOWN_FRONTMATTER_KEYS = new Set([
  'id',
  'type',
  'level',
  'category',
  'topic',
  'subtopic',
  'estimated_time',
  'tags',
  'aliases',
]);
