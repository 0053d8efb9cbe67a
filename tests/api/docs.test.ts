/** docs/api.md's example runs against the built package entry and prints what the page says. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../cli/helpers.js';

const page = readFileSync(path.join(REPO_ROOT, 'docs/api.md'), 'utf8');

function block(info: string): string {
  const match = new RegExp('```' + info + '\\n([\\s\\S]*?)\\n```').exec(page);
  if (!match) throw new Error(`docs/api.md has no \`\`\`${info} block`);
  return match[1]!;
}

it('the runnable example of docs/api.md prints its documented output', () => {
  const entry = pathToFileURL(path.join(REPO_ROOT, 'dist/src/index.js')).href;
  const code = block('js example').replace(/from 'anp'/g, `from '${entry}'`);
  mkdirSync(path.join(REPO_ROOT, '.tmp'), { recursive: true });
  const script = path.join(REPO_ROOT, '.tmp', 'api-example.mjs');
  writeFileSync(script, code);
  const result = spawnSync(process.execPath, [script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '' } });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(result.stdout).toBe(`${block('text example-output')}\n`);
});
