import { z } from 'zod';
import { SpanSchema } from './position.js';
import { LevelSchema } from './level.js';

/** A run of text from a section, with its place in the file. */
export const TextBlockSchema = z.object({
  /** The markdown source of the block, outer quotes removed, trimmed. */
  text: z.string(),
  /** Where the block sits in the file (including any quotes). */
  span: SpanSchema,
  /** Whether the block was wrapped in straight or curly double quotes. */
  quoted: z.boolean(),
});
export type TextBlock = z.infer<typeof TextBlockSchema>;

/** A plain bullet (`- text`), as in `common_mistakes` or `bar_raiser_concepts`. */
export const BulletSchema = z.object({
  text: z.string(),
  span: SpanSchema,
});
export type Bullet = z.infer<typeof BulletSchema>;

/** A `Probe: …` line under a concept bullet: the author's question that draws the concept out. */
export const ConceptProbeSchema = z.object({
  /** The question, outer quotes removed and wrapped lines joined with single spaces; empty when none is written. */
  text: z.string(),
  /** From the `Probe` key to the end of the question. */
  span: SpanSchema,
  /** The question as written (quotes included); empty, just after the colon, when there is none. */
  textSpan: SpanSchema,
});
export type ConceptProbe = z.infer<typeof ConceptProbeSchema>;

/** A named concept bullet: `- **Name**: description`. */
export const ConceptSchema = z.object({
  /** The bold name. */
  name: z.string(),
  /** The text after the colon, up to any `Probe:` line; empty when the author gave none. */
  description: z.string(),
  /** The whole bullet, its `Probe:` lines included. */
  span: SpanSchema,
  /** The bold name alone. */
  nameSpan: SpanSchema,
  /** The first `Probe:` line under the bullet, when the author wrote one. */
  probe: ConceptProbeSchema.optional(),
  /** Further `Probe:` lines of the same bullet: never used, reported by lint (`concept-probe`). */
  extraProbes: z.array(ConceptProbeSchema).optional(),
});
export type Concept = z.infer<typeof ConceptSchema>;

/** One keyword of a keyword line. */
export const KeywordSchema = z.object({
  text: z.string(),
  span: SpanSchema,
});
export type Keyword = z.infer<typeof KeywordSchema>;

/** A keyword line: `- Label: a, b, c`. */
export const KeywordGroupSchema = z.object({
  /** The text before the colon, if any (`Primary keywords`). */
  label: z.string().optional(),
  keywords: z.array(KeywordSchema),
  span: SpanSchema,
});
export type KeywordGroup = z.infer<typeof KeywordGroupSchema>;

/** Mandatory (core) or bonus (peripheral) part of the rubric. */
export const RubricPartSchema = z.object({
  /** Heading label as written, e.g. `Must Mention (60%)`. */
  label: z.string().optional(),
  /** Weight in percent from the `(60%)` in the label, when given. */
  weight: z.number().optional(),
  /** Where the weight is written, for diagnostics. */
  weightSpan: SpanSchema.optional(),
  concepts: z.array(ConceptSchema),
  keywords: z.array(KeywordGroupSchema),
  /** The part's heading. */
  span: SpanSchema.optional(),
});
export type RubricPart = z.infer<typeof RubricPartSchema>;

/** A `- **Key**: value` line under a follow-up (`Looking for`, `Red flags`, `Hint embedded`, …). */
export const ProbeSchema = z.object({
  /** The key as written, e.g. `Looking for`. */
  key: z.string(),
  /** The key in snake_case, e.g. `looking_for`. */
  kind: z.string(),
  value: z.string(),
  /** The value split on commas outside parentheses. */
  items: z.array(z.string()),
  span: SpanSchema,
});
export type Probe = z.infer<typeof ProbeSchema>;

export const FOLLOW_UP_TIERS = ['excellent', 'partial', 'weak'] as const;
export const FollowUpTierSchema = z.enum(FOLLOW_UP_TIERS);
/** Which follow-up fits an answer: depth probe, guided probe or foundation check. */
export type FollowUpTier = z.infer<typeof FollowUpTierSchema>;

export const FollowUpSchema = z.object({
  tier: FollowUpTierSchema,
  /** Heading label, e.g. `Depth Probe`. */
  label: z.string().optional(),
  /** The `**Question**: "…"` line. */
  question: TextBlockSchema.optional(),
  probes: z.array(ProbeSchema),
  /** The heading. */
  span: SpanSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** The level step of a bar-raiser heading, `L4→L5`. */
export const LevelStepSchema = z.object({
  from: LevelSchema,
  to: LevelSchema,
  /** The arrow as written: `→`, `->` or the mojibake `â†’`. */
  arrow: z.string(),
  span: SpanSchema,
});
export type LevelStep = z.infer<typeof LevelStepSchema>;

export const BarRaiserSchema = z.object({
  label: z.string().optional(),
  step: LevelStepSchema.optional(),
  question: TextBlockSchema.optional(),
  /** The `bar_raiser_concepts` bullets. */
  concepts: z.array(BulletSchema),
  span: SpanSchema,
});
export type BarRaiser = z.infer<typeof BarRaiserSchema>;

/** A `- **Key**: value` line of `metadata`. */
export const MetadataEntrySchema = z.object({
  key: z.string(),
  /** The key in snake_case, e.g. `evaluation_rubric`. */
  kind: z.string(),
  value: z.string(),
  items: z.array(z.string()),
  span: SpanSchema,
  valueSpan: SpanSchema,
});
export type MetadataEntry = z.infer<typeof MetadataEntrySchema>;

/** `### exercise_N - Title` under `improvement_exercises`. */
export const ExerciseSchema = z.object({
  number: z.number().int(),
  title: z.string().optional(),
  question: TextBlockSchema.optional(),
  sampleAnswer: TextBlockSchema.optional(),
  span: SpanSchema,
});
export type Exercise = z.infer<typeof ExerciseSchema>;

/** A heading of the file, known or not, in file order. */
export const SectionSchema = z.object({
  /** The normalised key (`main_question`). */
  key: z.string(),
  /** The key exactly as written. */
  rawKey: z.string(),
  /** Free text after ` - `, if any. */
  label: z.string().optional(),
  /** Heading depth, 1 for `#`. */
  depth: z.number().int().min(1).max(6),
  /** Whether qbank knows this key for the question's type. */
  known: z.boolean(),
  /** The heading line. */
  span: SpanSchema,
  /** The heading text after the `#` marks. */
  textSpan: SpanSchema,
  /** The content under the heading up to the next heading, if any. */
  contentSpan: SpanSchema.optional(),
  /** The content as markdown source. */
  content: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;
