/** The SARIF output validated by Microsoft's SARIF Multitool (see sarif-multitool.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatters } from '../../src/formatters/index.js';
import { context, results } from './fixtures.js';
import { describeValidation, ensureMultitool, multitoolSupported, validateSarif } from './sarif-multitool.js';

describe.runIf(multitoolSupported)('SARIF Multitool validation', () => {
  beforeAll(() => {
    ensureMultitool();
  });

  it('the formatter output has zero errors (and zero warnings)', async () => {
    const found = await validateSarif(formatters.sarif(results, context));
    const errors = found.filter((r) => r.level === 'error');
    expect(errors, describeValidation(errors)).toEqual([]);
    // Warnings have no explicit level in the validator's log (SARIF's default level).
    const warnings = found.filter((r) => r.level === undefined || r.level === 'warning');
    expect(warnings, describeValidation(warnings)).toEqual([]);
  });

  it('an empty run is valid too', async () => {
    const found = await validateSarif(formatters.sarif([], context));
    expect(found.filter((r) => r.level === 'error')).toEqual([]);
  });

  it('the validator really reports errors (sanity check of the harness)', async () => {
    const broken = JSON.parse(formatters.sarif(results, context));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].tool.driver.name;
    const found = await validateSarif(JSON.stringify(broken));
    expect(found.filter((r) => r.level === 'error').length).toBeGreaterThan(0);
  });
});
