import type { Clock } from '../core/ports.js';

/** The clock that reads the system time. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * The system clock, or, when `QBANK_NOW` holds an ISO date, a clock that starts at that date
 * and runs at normal speed: for trying out spaced repetition ("what is due next week?") and
 * for tests.
 */
export function clockFrom(env: NodeJS.ProcessEnv): Clock {
  const start = env.QBANK_NOW ? Date.parse(env.QBANK_NOW) : Number.NaN;
  if (Number.isNaN(start)) return systemClock;
  const began = Date.now();
  return { now: () => new Date(start + (Date.now() - began)) };
}
