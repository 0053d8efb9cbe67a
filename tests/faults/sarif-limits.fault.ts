/**
 * The SARIF Multitool (Microsoft's validator) on a report at the limits: 12,000 findings cut
 * to 5,000 results with a toolExecutionNotification of what was left out, a result whose 150
 * related locations are cut to 100. Here and not in `npm test`: validating a 5,000-result log
 * takes the Multitool about 10 s. The same report's shape is asserted in tests/adopt/limits.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { bigResults } from '../adopt/big-results.js';
import { context } from '../formatters/fixtures.js';
import { describeValidation, ensureMultitool, multitoolSupported, validateSarif } from '../formatters/sarif-multitool.js';

describe.runIf(multitoolSupported)('fault: SARIF at its limits', () => {
  beforeAll(() => ensureMultitool());

  it('the 5,000-result log the limits keep has zero errors and zero warnings from the Multitool', async () => {
    const text = formatters.sarif(bigResults(), context);
    expect((JSON.parse(text) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toHaveLength(5000);
    const found = await validateSarif(text);
    expect(found, describeValidation(found)).toEqual([]);
  });
});
