import { z } from 'zod';
import { LEVELS } from './levels.js';

export { isLevel, LEVELS, levelNumber, type Level } from './levels.js';

/** Seniority level of a question, L1 (entry) to L8 (principal). */
export const LevelSchema = z.enum(LEVELS);
