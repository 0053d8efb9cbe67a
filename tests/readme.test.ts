/** The README is the contract with a new user: its rule table and commands must stay true. */
import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('lists every built-in rule with its default severity, in registry order', () => {
    const rows = [...readme.matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\/[a-z-]+\.md\) \| (error|warn|off) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(builtinRules.map((rule) => [rule.meta.id, rule.meta.defaultSeverity]));
  });

  it('links only to docs that exist', () => {
    const links = [...readme.matchAll(/\]\(((?:docs|fixtures)\/[^)#]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(20);
    for (const link of links) expect(existsSync(link), link).toBe(true);
  });

  it('gives the two set-up commands: export on the bundled fixtures, and the tests', () => {
    expect(readme).toContain('npm ci && npx anp export fixtures/samples --pretty');
    expect(readme).toMatch(/^npm test\b/m);
  });
});
