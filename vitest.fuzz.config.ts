import { defineConfig } from 'vitest/config';

/**
 * `npm run fuzz`: the robustness suite that is too slow for `npm test` — 100,000 fuzzed
 * documents (tests/fuzz) and the interrupt/kill fault test (tests/faults). .ci/run runs it
 * and prints its counts.
 */
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.fuzz.ts', 'tests/faults/**/*.fault.ts'],
    testTimeout: 300_000,
    pool: 'threads',
  },
});
