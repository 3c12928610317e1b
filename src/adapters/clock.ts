import type { Clock } from '../core/ports.js';

/** The clock that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };
