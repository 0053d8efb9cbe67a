import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A few end-to-end tests spawn the built bin; property tests run thousands of cases.
    testTimeout: 60_000,
    pool: 'threads',
    // Both cores: vitest's default leaves one free, which on this 2-core machine runs the
    // files one after another.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
