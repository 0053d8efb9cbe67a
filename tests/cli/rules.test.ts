/** `anp rules [id]` as a child process. */
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { REPO_ROOT, runAnp } from './helpers.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const env = { FORCE_COLOR: undefined, NO_COLOR: undefined };

describe.concurrent('anp rules', () => {
  it('lists every rule with its default severity, tags and description', async () => {
    const result = await runAnp(['rules'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^id +default {2}fix {2}description$/m);
    for (const rule of builtinRules) {
      expect(result.stdout).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.defaultSeverity} +\\S`, 'm'));
    }
    // Fitted to 80 columns when stdout is not a terminal, descriptions wrapped with a hanging indent.
    for (const line of result.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/\n {42}\S/);
    expect(result.stdout).toContain(`${builtinRules.length} rules, ${builtinRules.filter((rule) => rule.meta.fixable).length} can fix`);
    expect(result.stdout).toMatch(/^duplicate-paragraph +error +yes +\S/m);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('--json gives ids, severities and default options', async () => {
    const result = await runAnp(['rules', '--json'], { env });
    const rules = JSON.parse(result.stdout) as Array<{ id: string; defaultSeverity: string; options: unknown }>;
    expect(rules.map((rule) => rule.id)).toEqual(builtinRules.map((rule) => rule.meta.id));
    expect(rules.find((rule) => rule.id === 'stale-review')).toMatchObject({ defaultSeverity: 'warn', options: { maxAgeDays: 365 } });
  });

  it('with an id: its docs page and its options with defaults', async () => {
    const result = await runAnp(['rules', 'stale-review'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('default severity: warn');
    expect(result.stdout).toMatch(/options:\n {2}maxAgeDays \((integer|number), default 365\)/);
    expect(result.stdout).toContain('"rules": { "stale-review": ["warn",{"maxAgeDays":365}] }');
    // the docs page of the rule (docs/rules/stale-review.md), read from the package
    const docs = await readFile(path.join(REPO_ROOT, 'docs/rules/stale-review.md'), 'utf8');
    expect(result.stdout.startsWith(docs.trimEnd())).toBe(true);
  });

  it('a rule without options says so', async () => {
    const result = await runAnp(['rules', 'meta-missing'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('options: none');
  });

  it('an unknown id: exit 2 with a suggestion', async () => {
    const result = await runAnp(['rules', 'stale-reveiw'], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('anp: unknown rule "stale-reveiw"; did you mean "stale-review"? (see anp rules)\n');
  });

  it('lists plugin rules with --rules-dir', async () => {
    const result = await runAnp(['rules', '--rules-dir', path.join(REPO_ROOT, 'fixtures/lint/plugins'), '--json'], { env });
    const ids = (JSON.parse(result.stdout) as Array<{ id: string }>).map((rule) => rule.id);
    expect(ids.slice(-2)).toEqual(['title-word', 'title-length']);
  });
});
