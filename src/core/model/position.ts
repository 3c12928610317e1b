import { z } from 'zod';

/** A place in a source file; both numbers are 1-based. */
export const PositionSchema = z.object({
  /** Line number, counting the frontmatter lines. */
  line: z.number().int().min(1),
  /** Column, counted in UTF-16 code units as editors do. */
  column: z.number().int().min(1),
});
export type Position = z.infer<typeof PositionSchema>;

/** A range in a source file: `end` is exclusive, as in unist. */
export const SpanSchema = z.object({
  start: PositionSchema,
  end: PositionSchema,
});
export type Span = z.infer<typeof SpanSchema>;

export const START_OF_FILE: Span = {
  start: { line: 1, column: 1 },
  end: { line: 1, column: 1 },
};
