import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // A few end-to-end tests spawn the built bin; property tests run thousands of cases.
    testTimeout: 60_000,
    pool: 'threads',
  },
});
