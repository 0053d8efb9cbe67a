/**
 * `anp lint` as a child process (the built bin): exit codes, messages, options and every
 * format parsed back. Build first (`npx tsc -p .`); .ci/run does it.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { builtinRules } from '../../rules/index.js';
import { reportJsonSchema } from '../../src/model/finding.js';
import { REPO_ROOT, makeTree, runAnp } from './helpers.js';

/** No colour settings leak in from the test runner (vitest may set FORCE_COLOR). */
const plainEnv = { FORCE_COLOR: undefined, NO_COLOR: undefined, SOURCE_DATE_EPOCH: undefined };
const NOW = ['--now', '2026-11-23'];
const CLEAN = 'fixtures/lint/clean';
const ERRORS = 'fixtures/lint/errors';
const WARNINGS = 'fixtures/lint/warnings';
const SAMPLES = 'fixtures/samples';

interface Case {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: string | RegExp | ((stdout: string) => void);
  stderr?: string | RegExp;
  env?: NodeJS.ProcessEnv;
  input?: string;
}

function check(actual: string, expected: string | RegExp | ((text: string) => void) | undefined): void {
  if (expected === undefined) return;
  if (typeof expected === 'string') expect(actual).toBe(expected);
  else if (expected instanceof RegExp) expect(actual).toMatch(expected);
  else expected(actual);
}

let cleanText = '';
let noMetaText = '';
beforeAll(async () => {
  cleanText = await readFile(path.join(REPO_ROOT, CLEAN, 'maintenance-guide.txt'), 'utf8');
  noMetaText = await readFile(path.join(REPO_ROOT, ERRORS, 'no-meta.txt'), 'utf8');
});

const cases: Case[] = [
  // exit 0 / 1 on findings
  { name: 'a clean folder: exit 0, no output', args: ['lint', CLEAN, ...NOW], exitCode: 0, stdout: '', stderr: '' },
  {
    name: 'an error finding: exit 1',
    args: ['lint', ERRORS, ...NOW],
    exitCode: 1,
    stdout: (out) => {
      expect(out).toContain('fixtures/lint/errors/no-meta.txt');
      expect(out).toMatch(/1:1 {2}error {2}[\s\S]*?meta-missing/);
      expect(out).toContain('✖ 1 problem (1 error, 0 warnings)');
    },
  },
  {
    name: 'warnings only: exit 0',
    args: ['lint', WARNINGS, ...NOW],
    exitCode: 0,
    stdout: (out) => {
      expect(out.replace(/\n +/g, ' ')).toMatch(/72:1 {2}warning {2}revision\.lastReviewed is 2020-01-15, 2504 days before 2026-11-23.*stale-review/);
      expect(out).toContain('✖ 1 problem (0 errors, 1 warning)');
    },
  },
  { name: 'warnings only with --max-warnings 0: exit 1', args: ['lint', WARNINGS, ...NOW, '--max-warnings', '0'], exitCode: 1, stdout: /stale-review/, stderr: 'anp: 1 warning found; --max-warnings allows 0\n' },
  { name: 'warnings within --max-warnings: exit 0', args: ['lint', WARNINGS, ...NOW, '--max-warnings', '1'], exitCode: 0 },
  { name: '--quiet hides warnings', args: ['lint', WARNINGS, ...NOW, '--quiet'], exitCode: 0, stdout: '' },
  { name: '--quiet still counts warnings for --max-warnings', args: ['lint', WARNINGS, ...NOW, '--quiet', '--max-warnings', '0'], exitCode: 1, stdout: '' },
  {
    name: '--quiet keeps errors',
    args: ['lint', 'fixtures/lint', ...NOW, '--quiet'],
    exitCode: 1,
    stdout: (out) => {
      expect(out).toContain('meta-missing');
      expect(out).not.toContain('stale-review');
    },
  },
  { name: '--rule raises a severity', args: ['lint', WARNINGS, ...NOW, '--rule', 'stale-review:error'], exitCode: 1, stdout: /error {2}revision\.lastReviewed/ },
  { name: '--rule turns a rule off', args: ['lint', WARNINGS, ...NOW, '--rule', 'stale-review:off'], exitCode: 0, stdout: '' },
  { name: '--ignore-pattern skips files', args: ['lint', 'fixtures/lint', ...NOW, '--ignore-pattern', 'fixtures/lint/errors/**'], exitCode: 0, stdout: /stale-review/ },
  { name: 'SOURCE_DATE_EPOCH is "now" without --now', args: ['lint', WARNINGS], env: { SOURCE_DATE_EPOCH: '1580515200' }, exitCode: 0, stdout: '' },
  { name: '--now wins over SOURCE_DATE_EPOCH', args: ['lint', WARNINGS, ...NOW], env: { SOURCE_DATE_EPOCH: '1580515200' }, exitCode: 0, stdout: /stale-review/ },
  { name: 'a config file (-c) with options', args: ['lint', WARNINGS, ...NOW, '-c', 'fixtures/lint/configs/strict.json'], exitCode: 1, stdout: /expected a review within the last 730 days/ },

  // exit 2: the run could not happen
  { name: 'an unknown option', args: ['lint', '--bogus'], exitCode: 2, stdout: '', stderr: /^anp: unknown option '--bogus'/ },
  { name: 'an unknown format', args: ['lint', CLEAN, '-f', 'xml'], exitCode: 2, stderr: /^anp: .*xml.*(stylish|json)/ },
  { name: 'a bad --max-warnings', args: ['lint', CLEAN, '--max-warnings', 'many'], exitCode: 2, stderr: /max-warnings/ },
  { name: 'a bad --now', args: ['lint', CLEAN, '--now', '2026-02-30'], exitCode: 2, stderr: 'anp: --now 2026-02-30: expected a date YYYY-MM-DD, such as 2026-11-23\n' },
  { name: 'a bad SOURCE_DATE_EPOCH', args: ['lint', CLEAN], env: { SOURCE_DATE_EPOCH: 'yesterday' }, exitCode: 2, stderr: /^anp: SOURCE_DATE_EPOCH=yesterday: expected a number of seconds/ },
  { name: 'a missing path', args: ['lint', 'fixtures/lint/nope', CLEAN], exitCode: 2, stdout: '', stderr: 'anp: no such file or directory: fixtures/lint/nope\n' },
  {
    name: 'an unknown --rule id, with a suggestion',
    args: ['lint', CLEAN, '--rule', 'stale-reviw:error'],
    exitCode: 2,
    stderr: 'anp: --rule stale-reviw:error: unknown rule "stale-reviw"; did you mean "stale-review"?\n',
  },
  { name: 'a bad --rule severity', args: ['lint', CLEAN, '--rule', 'stale-review:fatal'], exitCode: 2, stderr: /expected a severity \("error", "warn" or "off"\), got "fatal"/ },
  {
    name: 'a bad rule option in the config',
    args: ['lint', CLEAN, '-c', 'fixtures/lint/configs/bad-option.json'],
    exitCode: 2,
    stdout: '',
    stderr: 'anp: fixtures/lint/configs/bad-option.json: rules.stale-review[1].maxAgeDays: expected a number, got "x"\n',
  },
  {
    name: 'an unknown rule id in the config, with a suggestion',
    args: ['lint', CLEAN, '-c', 'fixtures/lint/configs/unknown-rule.json'],
    exitCode: 2,
    stderr: 'anp: fixtures/lint/configs/unknown-rule.json: rules.stale-reviw: unknown rule "stale-reviw"; did you mean "stale-review"?\n',
  },
  {
    name: 'a bad severity in the config',
    args: ['lint', CLEAN, '-c', 'fixtures/lint/configs/bad-severity.json'],
    exitCode: 2,
    stderr: 'anp: fixtures/lint/configs/bad-severity.json: rules.stale-review: expected "error", "warn" or "off" or [severity, options], got "warning"\n',
  },
  { name: 'a config that is not JSON', args: ['lint', CLEAN, '-c', 'fixtures/lint/configs/bad-json.json'], exitCode: 2, stderr: /^anp: fixtures\/lint\/configs\/bad-json\.json:\d+:\d+: invalid JSON: / },
  { name: 'a missing -c file', args: ['lint', CLEAN, '-c', 'nope.json'], exitCode: 2, stderr: 'anp: nope.json: config file not found\n' },
  { name: 'an unwritable -o', args: ['lint', CLEAN, '-o', 'no/such/dir/report.txt'], exitCode: 2, stderr: /^anp: cannot write no\/such\/dir\/report\.txt/ },
  {
    name: 'a broken plugin names its path',
    args: ['lint', CLEAN, '--rules-dir', 'fixtures/lint/broken-plugin'],
    exitCode: 2,
    stderr: /^anp: plugin fixtures\/lint\/broken-plugin\/bad\.mjs: /,
  },
  { name: '--stdin with paths', args: ['lint', '--stdin', CLEAN], exitCode: 2, stderr: /--stdin/ },

  // --print-config
  {
    name: '--print-config prints every rule with its severity and options',
    args: ['lint', '--print-config', '-c', 'fixtures/lint/configs/strict.json', '--rule', 'needs-review:off'],
    exitCode: 0,
    stdout: (out) => {
      const config = JSON.parse(out) as { include: string[]; rules: Record<string, [string, unknown]> };
      expect(config.include).toEqual(['**/*.txt']);
      expect(Object.keys(config.rules).sort()).toEqual(builtinRules.map((rule) => rule.meta.id).sort());
      expect(config.rules['stale-review']).toEqual(['error', { maxAgeDays: 730 }]);
      expect(config.rules['needs-review']?.[0]).toBe('off');
      expect(config.rules['scrape-residue']?.[0]).toBe('off');
    },
  },
];

describe.concurrent('anp lint: exit codes and messages', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const result = await runAnp(testCase.args, { env: { ...plainEnv, ...testCase.env }, ...(testCase.input !== undefined ? { input: testCase.input } : {}) });
      expect(result.code, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(testCase.exitCode);
      check(result.stdout, testCase.stdout);
      check(result.stderr, testCase.stderr);
      // Exit-2 errors are one line, never a stack trace.
      if (testCase.exitCode === 2) {
        expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });
  }
});

describe('anp lint --stdin', () => {
  it('a clean post: exit 0', async () => {
    const result = await runAnp(['lint', '--stdin', ...NOW], { input: cleanText, env: plainEnv });
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('reports under --stdin-filename', async () => {
    const result = await runAnp(['lint', '--stdin', '--stdin-filename', 'content/post.txt', '-f', 'compact', ...NOW], { input: noMetaText, env: plainEnv });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^content\/post\.txt:1:1: error .+ \[meta-missing\]$/m);
  });

  it('defaults the name to <stdin>', async () => {
    const result = await runAnp(['lint', '--stdin', '-f', 'compact', ...NOW], { input: noMetaText, env: plainEnv });
    expect(result.stdout).toMatch(/^<stdin>:1:1: error/m);
  });

  it('binary input is one unreadable-input finding', async () => {
    const result = await runAnp(['lint', '--stdin', '-f', 'compact', ...NOW], { input: 'abc\u0000def', env: plainEnv });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:1:1: error .*\[unreadable-input\]$/m);
  });
});

describe('anp lint: files, config discovery, plugins', () => {
  it('-o writes the report to a file (and nothing to stdout)', async () => {
    const dir = await makeTree({ 'posts/a.txt': noMetaText });
    const result = await runAnp(['lint', 'posts', '-f', 'json', '-o', 'out/report.json', ...NOW], { cwd: dir, env: plainEnv });
    // out/ does not exist: exit 2, nothing written
    expect(result.code).toBe(2);
    const ok = await runAnp(['lint', 'posts', '-f', 'json', '-o', 'report.json', ...NOW], { cwd: dir, env: plainEnv });
    expect(ok.code).toBe(1);
    expect(ok.stdout).toBe('');
    const report = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as Array<{ file: string; errorCount: number }>;
    expect(report).toMatchObject([{ file: 'posts/a.txt', errorCount: 1 }]);
    // no temp files left behind
    expect((await readdir(dir)).sort()).toEqual(['posts', 'report.json']);
  });

  it('finds anp.config.json upward from the cwd and honours its ignores and include', async () => {
    const dir = await makeTree({
      'anp.config.json': JSON.stringify({ include: ['**/*.post'], ignores: ['drafts/**'], rules: { 'meta-missing': 'warn' } }),
      'site/a.post': noMetaText,
      'site/b.txt': noMetaText,
      'drafts/c.post': noMetaText,
    });
    const result = await runAnp(['lint', '.', '-f', 'compact', ...NOW], { cwd: dir, env: plainEnv });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^site\/a\.post:1:1: warning .*\[meta-missing\]\n$/);
  });

  it('a bad discovered config: exit 2 naming the file', async () => {
    const dir = await makeTree({ 'anp.config.json': '{"rules":{"stale-review":["warn",{"maxAgeDays":"x"}]}}', 'sub/a.txt': cleanText });
    const result = await runAnp(['lint', '.'], { cwd: path.join(dir, 'sub'), env: plainEnv });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('anp: ../anp.config.json: rules.stale-review[1].maxAgeDays: expected a number, got "x"\n');
  });

  it('reads package.json#anp', async () => {
    const dir = await makeTree({ 'package.json': JSON.stringify({ name: 'site', anp: { rules: { 'meta-missing': 'off' } } }), 'a.txt': noMetaText });
    const result = await runAnp(['lint', ...NOW], { cwd: dir, env: plainEnv });
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });

  it('an unreadable (binary) file is a finding and the run goes on', async () => {
    const dir = await makeTree({ 'a.txt': new Uint8Array([0x61, 0x00, 0x62]), 'b.txt': noMetaText });
    const result = await runAnp(['lint', '-f', 'compact', ...NOW], { cwd: dir, env: plainEnv });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^a\.txt:1:1: error .*\[unreadable-input\]$/m);
    expect(result.stdout).toMatch(/^b\.txt:1:1: error .*\[meta-missing\]$/m);
  });

  it('the reader honours unreadable-input maxBytes from the config', async () => {
    const dir = await makeTree({ 'anp.config.json': JSON.stringify({ rules: { 'unreadable-input': ['warn', { maxBytes: 10 }] } }), 'big.txt': 'x'.repeat(20) });
    const result = await runAnp(['lint', '-f', 'compact', ...NOW], { cwd: dir, env: plainEnv });
    expect(result.stdout).toMatch(/^big\.txt:1:1: warning .*\[unreadable-input\]\n$/);
    expect(result.code).toBe(0);
  });

  it('an empty folder is exit 2 naming it; with --no-error-on-unmatched-pattern it is clean, with a note', async () => {
    const dir = await makeTree({ 'notes.md': '# not an article\n' });
    const strict = await runAnp(['lint'], { cwd: dir, env: plainEnv });
    expect(strict).toMatchObject({ code: 2, stdout: '', stderr: 'anp: no files matching "." (include: **/*.txt); use --no-error-on-unmatched-pattern to allow this\n' });
    const result = await runAnp(['lint', '--no-error-on-unmatched-pattern'], { cwd: dir, env: plainEnv });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'anp: no files to lint (include: **/*.txt)\n' });
  });

  describe('custom rules (plugins)', () => {
    /** Every built-in rule off, so only the plugin rules speak. */
    const allBuiltinsOff = Object.fromEntries(builtinRules.map((rule) => [rule.meta.id, 'off']));
    const pluginPath = path.join(REPO_ROOT, 'fixtures/lint/plugins/title-rules.mjs');

    it('--rules-dir loads them; their severities drive the exit code', async () => {
      const dir = await makeTree({
        'anp.config.json': JSON.stringify({ rules: allBuiltinsOff }),
        'todo.txt': 'a todo title that is much longer than sixty characters, surely\n\nbody text.\n',
        'fine.txt': 'a fine title\n\nbody text.\n',
      });
      const result = await runAnp(['lint', '-f', 'compact', '--rules-dir', path.dirname(pluginPath)], { cwd: dir, env: plainEnv });
      expect(result.code).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        'todo.txt:1:1: warning the title has 62 characters; expected at most 60 [title-length]',
        'todo.txt:1:1: error the title contains "todo" [title-word]',
        '',
      ]);
    });

    it('config plugins are resolved against the config file, with options validated', async () => {
      const dir = await makeTree({
        'anp.config.json': JSON.stringify({ plugins: [pluginPath], rules: { ...allBuiltinsOff, 'title-word': ['error', { word: 'fine' }], 'title-length': 'off' } }),
        'fine.txt': 'a fine title\n\nbody text.\n',
      });
      const result = await runAnp(['lint', '-f', 'compact'], { cwd: dir, env: plainEnv });
      expect(result.stdout).toBe('fine.txt:1:1: error the title contains "fine" [title-word]\n');
      expect(result.code).toBe(1);

      const bad = await makeTree({
        'anp.config.json': JSON.stringify({ plugins: [pluginPath], rules: { 'title-word': ['error', { word: 5 }] } }),
        'fine.txt': 'a fine title\n',
      });
      const failed = await runAnp(['lint'], { cwd: bad, env: plainEnv });
      expect(failed.code).toBe(2);
      expect(failed.stderr).toBe('anp: anp.config.json: rules.title-word[1].word: expected a string, got 5\n');
    });

    it('only --max-warnings decides on warnings', async () => {
      const dir = await makeTree({
        'anp.config.json': JSON.stringify({ rules: { ...allBuiltinsOff } }),
        'long.txt': 'a title that is much longer than sixty characters, surely it is long\n\nbody.\n',
      });
      const args = ['lint', '-f', 'compact', '--rules-dir', path.dirname(pluginPath)];
      expect((await runAnp(args, { cwd: dir, env: plainEnv })).code).toBe(0);
      expect((await runAnp([...args, '--max-warnings', '0'], { cwd: dir, env: plainEnv })).code).toBe(1);
    });
  });
});

describe.concurrent('anp lint: colour', () => {
  const hasAnsi = (text: string) => /\u001b\[\d/.test(text);
  const args = ['lint', ERRORS, ...NOW];
  it('none when stdout is not a terminal', async () => {
    expect(hasAnsi((await runAnp(args, { env: plainEnv })).stdout)).toBe(false);
  });
  it('FORCE_COLOR forces it', async () => {
    expect(hasAnsi((await runAnp(args, { env: { ...plainEnv, FORCE_COLOR: '1' } })).stdout)).toBe(true);
  });
  it('--color forces it', async () => {
    expect(hasAnsi((await runAnp([...args, '--color'], { env: plainEnv })).stdout)).toBe(true);
  });
  it('--no-color wins over FORCE_COLOR', async () => {
    expect(hasAnsi((await runAnp([...args, '--no-color'], { env: { ...plainEnv, FORCE_COLOR: '1' } })).stdout)).toBe(false);
  });
  it('NO_COLOR disables it', async () => {
    expect(hasAnsi((await runAnp(args, { env: { ...plainEnv, NO_COLOR: '1' } })).stdout)).toBe(false);
  });
  it('FORCE_COLOR=0 disables it', async () => {
    expect(hasAnsi((await runAnp([...args], { env: { ...plainEnv, FORCE_COLOR: '0' } })).stdout)).toBe(false);
  });
});

describe.concurrent('anp lint: every format on the five samples, parsed back', () => {
  const run = (format: string) => runAnp(['lint', SAMPLES, ...NOW, '-f', format], { env: plainEnv });

  it('stylish: the real findings of the samples', async () => {
    const result = await run('stylish');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^fixtures\/samples\/001_845d92889121c476\.txt\n\s+1:1 {2}error {2}[\s\S]*?meta-missing$/m);
    // Fitted to 80 columns (stdout is not a terminal), with a hanging indent.
    for (const line of result.stdout.split('\n')) if (!line.startsWith('│') && !/^[┌├└]/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(result.stdout.replace(/\n +/g, ' ')).toMatch(/placeholder host placehold\.co.*placeholder-image/);
    expect(result.stdout).toMatch(/duplicate-code-block/);
    expect(result.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings\)/);
  });

  it('json: validates against the report schema, one entry per sample', async () => {
    const result = await run('json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Array<{ file: string; findings: Array<{ ruleId: string }>; errorCount: number; warningCount: number }>;
    const validate = new Ajv2020({ strict: false }).compile(reportJsonSchema());
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.map((entry) => path.basename(entry.file))).toEqual((await readdir(path.join(REPO_ROOT, SAMPLES))).filter((n) => n.endsWith('.txt')).sort());
    const byFile = new Map(report.map((entry) => [path.basename(entry.file).slice(0, 3), entry]));
    expect(byFile.get('001')!.findings.map((f) => f.ruleId)).toContain('meta-missing');
    expect(byFile.get('002')!.findings.map((f) => f.ruleId)).toContain('placeholder-image');
    expect(byFile.get('003')!.findings.map((f) => f.ruleId)).toContain('duplicate-code-block');
    for (const id of ['000', '002', '003', '004']) {
      expect(byFile.get(id)!.findings.map((f) => f.ruleId)).toContain('repeated-sentence');
      expect(byFile.get(id)!.findings.map((f) => f.ruleId)).toContain('stale-review');
    }
    for (const entry of report) {
      expect(entry.errorCount + entry.warningCount).toBe(entry.findings.length);
    }
  });

  it('sarif: every built-in rule in the driver, help links to the rule docs, results (the Multitool checks this log in tests/faults/sarif-multitool.fault.ts)', async () => {
    const result = await run('sarif');
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(builtinRules.map((rule) => rule.meta.id));
    expect(log.runs[0].tool.driver.rules[0].helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/unreadable-input\.md$/);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
  });

  it('junit: well-formed, one testsuite per sample', async () => {
    const result = await run('junit');
    expect(result.code).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(result.stdout) as {
      testsuites: { testsuite: Array<{ name: string; failures: string }> };
    };
    expect(doc.testsuites.testsuite).toHaveLength(5);
    expect(doc.testsuites.testsuite.every((suite) => Number(suite.failures) > 0)).toBe(true);
  });

  it('github: one workflow command per line', async () => {
    const result = await run('github');
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.pop()).toMatch(/^::notice title=anp::anp: 1 error and 23 warnings in 5 files; /);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=fixtures\/samples\/[^,]+,line=\d+(,[a-zA-Z]+=[^,:]*)*,title=[a-z-]+::\S/);
    expect(lines).toContainEqual(expect.stringMatching(/^::error file=fixtures\/samples\/001_845d92889121c476\.txt,line=1,title=meta-missing::/));
  });

  it('compact: file:line:col: severity message [rule]', async () => {
    const result = await run('compact');
    expect(result.code).toBe(1);
    for (const line of result.stdout.trimEnd().split('\n')) expect(line).toMatch(/^fixtures\/samples\/\S+\.txt:\d+:\d+: (error|warning) .+ \[[a-z-]+\]$/);
  });
});

it('the CLI fixtures exist', () => {
  for (const dir of [CLEAN, ERRORS, WARNINGS]) expect(existsSync(path.join(REPO_ROOT, dir))).toBe(true);
});

describe('helpers behind lint (in-process)', async () => {
  const { colorLevel } = await import('../../src/cli/io.js');
  const { parseIsoDate, resolveNow } = await import('../../src/engine/now.js');

  it('colorLevel: flags, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    expect(colorLevel(undefined, {}, false)).toBe(0);
    expect(colorLevel(undefined, {}, true)).toBe(1);
    expect(colorLevel(undefined, { TERM: 'xterm-256color' }, true)).toBe(2);
    expect(colorLevel(undefined, { COLORTERM: 'truecolor' }, true)).toBe(3);
    expect(colorLevel(undefined, { TERM: 'dumb' }, true)).toBe(0);
    expect(colorLevel(undefined, { NO_COLOR: '1' }, true)).toBe(0);
    expect(colorLevel(undefined, { NO_COLOR: '' }, true)).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '' }, false)).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: '3' }, false)).toBe(3);
    expect(colorLevel(undefined, { FORCE_COLOR: '0' }, true)).toBe(0);
    expect(colorLevel(undefined, { FORCE_COLOR: 'false' }, true)).toBe(0);
    expect(colorLevel(true, { NO_COLOR: '1' }, false)).toBe(1);
    expect(colorLevel(false, { FORCE_COLOR: '1' }, true)).toBe(0);
  });

  it('resolveNow: --now, else SOURCE_DATE_EPOCH, else the clock, at UTC midnight', () => {
    const clock = () => new Date('2030-05-06T22:10:00Z');
    expect(resolveNow('2026-11-23', { SOURCE_DATE_EPOCH: '0' }, clock).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(resolveNow(undefined, { SOURCE_DATE_EPOCH: '1580515200' }, clock).toISOString()).toBe('2020-02-01T00:00:00.000Z');
    expect(resolveNow(undefined, { SOURCE_DATE_EPOCH: '1580560000' }, clock).toISOString()).toBe('2020-02-01T00:00:00.000Z');
    expect(resolveNow(undefined, {}, clock).toISOString()).toBe('2030-05-06T00:00:00.000Z');
    expect(resolveNow(undefined, { SOURCE_DATE_EPOCH: '' }, clock).toISOString()).toBe('2030-05-06T00:00:00.000Z');
    expect(() => resolveNow('23/11/2026', {})).toThrow(/expected a date YYYY-MM-DD/);
    expect(() => resolveNow(undefined, { SOURCE_DATE_EPOCH: '-5' })).toThrow(/SOURCE_DATE_EPOCH/);
  });

  it('parseIsoDate accepts only real calendar dates', () => {
    expect(parseIsoDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of ['2023-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '20261123', '2026-11-23T00:00']) expect(parseIsoDate(bad)).toBeNull();
  });
});
