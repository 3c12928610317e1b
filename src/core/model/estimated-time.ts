import { z } from 'zod';

/** A time budget in whole minutes; `min === max` for a single figure. */
export const EstimatedTimeSchema = z.object({
  /** Lower bound in minutes. */
  min: z.number().int().min(1),
  /** Upper bound in minutes. */
  max: z.number().int().min(1),
  /** The text as written in the file. */
  raw: z.string(),
});
export type EstimatedTime = z.infer<typeof EstimatedTimeSchema>;

// `8-10 minutes`, `5 minutes`, `8–10 min`, `8 to 10 mins`: digits only, so no backtracking risk.
const PATTERN = /^(\d{1,3})\s*(?:(?:-|–|—|to)\s*(\d{1,3})\s*)?(minutes?|mins?|m)?$/i;

/** Reads an `estimated_time` value; returns undefined when it is not a time budget. */
export function parseEstimatedTime(raw: string | number): EstimatedTime | undefined {
  if (typeof raw === 'number') {
    return Number.isInteger(raw) && raw > 0 ? { min: raw, max: raw, raw: String(raw) } : undefined;
  }
  const match = PATTERN.exec(raw.trim());
  if (!match) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  if (min < 1 || max < min) return undefined;
  return { min, max, raw };
}

/** The canonical spelling: `8-10 minutes` or `5 minutes`. */
export function formatEstimatedTime(time: Pick<EstimatedTime, 'min' | 'max'>): string {
  const unit = time.max === 1 ? 'minute' : 'minutes';
  return time.min === time.max ? `${time.min} ${unit}` : `${time.min}-${time.max} ${unit}`;
}
