import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Builds dist/ first when a source is newer than its build (tests run the built binary).
    globalSetup: ['test/helpers/global-setup.ts'],
  },
});
