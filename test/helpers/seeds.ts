import { it, describe } from 'vitest';
import { seedsPresent, SEEDS_DIR } from './fixtures.js';

/**
 * The seed documents live in `../shared/seeds`, beside the checkout (the project's shared folder).
 * Away from CI a missing folder skips the seed tests; with `CI` set it fails them, so a CI run
 * without its seeds can never pass by skipping.
 */
export const seedsRequired = Boolean(process.env.CI);
const run = seedsPresent || seedsRequired;

export const itWithSeeds = run ? it : it.skip;
export const describeWithSeeds = run ? describe : describe.skip;

/** Throws, in CI, when the seeds are missing: the first statement of every seed test. */
export function requireSeeds(): void {
  if (!seedsPresent) throw new Error(`CI is set but the seed documents are missing: expected them in ${SEEDS_DIR}`);
}
