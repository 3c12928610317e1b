import { z } from 'zod';

/**
 * A date and time as qbank writes them (ISO 8601, `2026-01-31T09:00:00.000Z`; an offset is
 * accepted): a record with anything else is skipped with a warning instead of being shown as
 * "Invalid Date" or sorting wrongly.
 */
export function isoDate(field: string) {
  return z.iso.datetime({ offset: true, error: (issue) => `"${field}" is not a date and time (expected ISO 8601 such as 2026-01-31T09:00:00Z, got ${shown(issue.input)})` });
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
