/**
 * The SARIF Multitool (Microsoft's validator) on whole reports: `anp lint fixtures/samples -f
 * sarif` as the CLI writes it, and a report at the limits (12,000 findings cut to 5,000 results
 * with a toolExecutionNotification of what was left out, a result whose 150 related locations
 * are cut to 100). Here and not in `npm test`: the two take the Multitool 10-20 s. Their shape
 * is asserted in tests/cli/lint.test.ts and tests/adopt/limits.test.ts; the formatter's small
 * logs are validated in tests/formatters/sarif.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { bigResults } from '../adopt/big-results.js';
import { context } from '../formatters/fixtures.js';
import { describeValidation, ensureMultitool, multitoolSupported, validateSarif } from '../formatters/sarif-multitool.js';
import { runAnp } from '../cli/helpers.js';

describe.runIf(multitoolSupported)('fault: whole SARIF reports through the Multitool', () => {
  beforeAll(() => ensureMultitool());

  it('the 5,000-result log the limits keep has zero errors and zero warnings from the Multitool', async () => {
    const text = formatters.sarif(bigResults(), context);
    expect((JSON.parse(text) as { runs: Array<{ results: unknown[] }> }).runs[0]!.results).toHaveLength(5000);
    const found = await validateSarif(text);
    expect(found, describeValidation(found)).toEqual([]);
  });

  it('anp lint fixtures/samples -f sarif has zero errors from the Multitool', async () => {
    const result = await runAnp(['lint', 'fixtures/samples', '--now', '2026-11-23', '-f', 'sarif'], { env: { FORCE_COLOR: undefined, NO_COLOR: undefined } });
    expect(result.code).toBe(1);
    const found = await validateSarif(result.stdout);
    const errors = found.filter((r) => r.level === 'error');
    expect(errors, describeValidation(errors)).toEqual([]);
  });
});
