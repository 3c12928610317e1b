import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest leaves a core free by default; on the 2-core CI machine that halves the speed.
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Builds dist/ first when a source is newer than its build (tests run the built binary).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
