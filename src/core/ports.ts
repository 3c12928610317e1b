/**
 * What the core needs from the outside world, declared in one place and passed in as
 * arguments. Adapters in `src/adapters` and `src/cli` implement them; tests pass fakes.
 */

/** The current time. */
export interface Clock {
  now(): Date;
}
