import { z } from 'zod';

export const LEVELS = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8'] as const;

/** Seniority level of a question, L1 (entry) to L8 (principal). */
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

export function levelNumber(level: Level): number {
  return Number(level.slice(1));
}

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
