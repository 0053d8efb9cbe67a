/** action.yml and .pre-commit-hooks.yaml: valid YAML with the keys their consumers need, and a README example. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../cli/helpers.js';

const run = promisify(execFile);
const SCRIPT = path.join(REPO_ROOT, 'scripts', 'check-integrations.mjs');

describe('integrations', () => {
  it('scripts/check-integrations.mjs accepts the committed files', async () => {
    const { stdout } = await run(process.execPath, [SCRIPT]);
    expect(stdout).toContain('valid');
  });

  it('and refuses a broken action (a run step without shell, no upload)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'anp-integrations-'));
    await cp(SCRIPT, path.join(dir, 'scripts', 'check-integrations.mjs'), { recursive: true });
    await writeFile(path.join(dir, 'action.yml'), 'name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n    - run: anp lint .\n');
    await writeFile(path.join(dir, '.pre-commit-hooks.yaml'), '- id: anp\n  name: anp\n  entry: anp lint\n');
    // The script resolves `yaml` from its own folder: link the repo's node_modules.
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const failure = await run(process.execPath, [path.join(dir, 'scripts', 'check-integrations.mjs')]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('runs.steps[0].shell: required');
    expect(failure?.stderr).toContain('no step uploads the SARIF report');
    expect(failure?.stderr).toContain('[0].language: required');
  });

  it('the README shows a workflow that uses the Action, and it parses', async () => {
    const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const block = /```yaml\n(name: [\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const workflow = parse(block!) as { on: unknown; jobs: Record<string, { permissions?: Record<string, string>; steps: Array<{ uses?: string }> }> };
    const job = Object.values(workflow.jobs)[0]!;
    expect(job.permissions?.['security-events']).toBe('write');
    expect(job.steps.some((step) => step.uses?.includes('anp'))).toBe(true);
    expect(workflow.on).toBeDefined();
  });
});
