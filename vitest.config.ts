import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built bin; property tests run thousands of cases.
    testTimeout: 60_000,
    pool: 'forks',
  },
});
