import { defineConfig } from 'vitest/config';

/**
 * The robustness suite that is too slow for `npm test`, in two steps that .ci/run runs one
 * after the other (each alone, so neither slows the other down on a 2-core machine):
 *   npm run fuzz    100,000 fuzzed documents (tests/fuzz/*.fuzz.ts), on both cores;
 *   npm run faults  the interrupt/kill test and the hostile-output cases that spawn the bin
 *                   (/dev/full, closed pipes, odd names), --fix killed mid-write, and the SARIF
 *                   Multitool on a 5,000-result log (tests/faults/*.fault.ts); needs `npm run build`.
 * Both record their counts in .tmp/robustness/, which scripts/ci-summary.mjs prints.
 */
export default defineConfig({
  test: {
    include: ['tests/fuzz/**/*.fuzz.ts', 'tests/faults/**/*.fault.ts'],
    testTimeout: 300_000,
    pool: 'threads',
    // Both cores: vitest's default leaves one free, which runs these files one after another.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
