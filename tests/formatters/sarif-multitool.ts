/**
 * Runs Microsoft's SARIF Multitool (`validate`), the reference SARIF validator: JSON schema
 * plus the SARIF rules (SARIF1xxx errors, SARIF2xxx warnings/notes).
 *
 * The package ships a native .NET single-file binary; npm 11 does not run its postinstall
 * (chmod u+x), so `ensureMultitool` makes it executable. DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
 * lets it run on machines without libicu (it needs no culture data to validate).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MULTITOOL = path.join(REPO_ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
const run = promisify(execFile);
/** The npm package only ships the Linux build here (@microsoft/sarif-multitool-linux). */
export const multitoolSupported = process.platform === 'linux';

export interface ValidationResult {
  ruleId: string;
  level?: string;
  message: { text?: string; id?: string; arguments?: string[] };
}

/** Runs `Sarif.Multitool validate` on the text; returns the results of its output log. */
export async function validateSarif(text: string): Promise<ValidationResult[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'anp-sarif-'));
  const input = path.join(dir, 'report.sarif');
  const output = path.join(dir, 'validation.sarif');
  await writeFile(input, text);
  await run(MULTITOOL, ['validate', input, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning'], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1', DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 60_000,
  });
  const log = JSON.parse(await readFile(output, 'utf8')) as { runs: Array<{ results?: ValidationResult[] }> };
  return log.runs.flatMap((r) => r.results ?? []);
}

export function describeValidation(found: readonly ValidationResult[]): string {
  return found.map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${r.message.text ?? `${r.message.id} ${JSON.stringify(r.message.arguments)}`}`).join('\n');
}

/** Makes the binary executable if the install script did not run; throws if it is missing. */
export function ensureMultitool(): void {
  if (!existsSync(MULTITOOL)) throw new Error(`${MULTITOOL} is missing: npm install (devDependency @microsoft/sarif-multitool)`);
  const mode = statSync(MULTITOOL).mode;
  if ((mode & 0o100) === 0) chmodSync(MULTITOOL, mode | 0o100);
}
