/** Seniority levels, L1 (entry) to L8 (principal); no zod here, so `--help` can use it cheaply. */
export const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8'] as const;
export type Level = (typeof LEVELS)[number];

export function levelNumber(level: Level): number {
  return Number(level.slice(1));
}

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
