import { z } from 'zod';
import { SpanSchema } from '../core/model/position.js';

const Line = z.number().int().min(1);

/**
 * A finding as a cache stores it: without its file, since the name a file goes by depends on the
 * working folder of the run that reads it back. Caches check what they read against this.
 */
export const StoredDiagnosticSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  line: Line,
  column: Line,
  endLine: Line.optional(),
  endColumn: Line.optional(),
  fix: z.object({ span: SpanSchema, text: z.string() }).optional(),
});
