import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatters, FORMAT_NAMES } from '../../src/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { escapeXml } from '../../src/formatters/junit.js';
import { artifactUri, buildSarif, friendlyName } from '../../src/formatters/sarif.js';
import { reportJsonSchema } from '../../src/model/finding.js';
import { context, results } from './fixtures.js';

const clean = [{ file: 'a.txt', findings: [], errorCount: 0, warningCount: 0 }];

describe('json', () => {
  const validate = new Ajv2020({ strict: false }).compile(reportJsonSchema());

  it('parses back to the same results and validates against the report schema', () => {
    const parsed = JSON.parse(formatters.json(results, context)) as unknown;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed).toEqual(results);
  });

  it('drops keys outside the contract', () => {
    const extra = [{ ...clean[0]!, findings: [{ ruleId: 'x', severity: 'warn' as const, message: 'm', file: 'a.txt', line: 1, fix: { edits: [{ line: 1, column: 1, endLine: 2, endColumn: 1, text: '' }] } }], warningCount: 1, output: 'fixed' }];
    const parsed = JSON.parse(formatters.json(extra, context)) as Array<Record<string, unknown>>;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed[0]).not.toHaveProperty('output');
    expect((parsed[0]!.findings as object[])[0]).not.toHaveProperty('fix');
  });

  it('writes one file per line', () => {
    const lines = formatters.json(results, context).trimEnd().split('\n');
    expect(lines).toHaveLength(results.length + 2);
    expect(lines[0]).toBe('[');
    expect(JSON.parse(lines[1]!.replace(/,$/, ''))).toEqual(results[0]);
  });

  it('is an empty array for no files', () => {
    expect(JSON.parse(formatters.json([], context))).toEqual([]);
  });
});

describe('compact', () => {
  it('one line per finding: file:line:col: severity message [rule]', () => {
    expect(formatters.compact(results, context).split('\n')).toEqual([
      'content/guides/logs.txt:12:3: error paragraph repeats the one at line 5 <exactly> & "verbatim" [duplicate-paragraph]',
      'content/guides/logs.txt:80:1: warning revision.lastReviewed is 2019-08-03, 100% stale: expected a review, within 365 days [stale-review]',
      'odd dir/a,b:c.txt:1:1: warning line one line two with a control \u0001 character [plugin-rule]',
      '',
    ]);
  });
  it('prints nothing when clean', () => {
    expect(formatters.compact(clean, context)).toBe('');
  });
});

describe('github', () => {
  it('escapes data (% CR LF) and properties (also : and ,)', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    expect(escapeData('a,b:c')).toBe('a,b:c');
  });

  it('writes one workflow command per finding', () => {
    expect(formatters.github(results, context).split('\n')).toEqual([
      '::error file=content/guides/logs.txt,line=12,endLine=12,col=3,endColumn=40,title=duplicate-paragraph::paragraph repeats the one at line 5 <exactly> & "verbatim"%0Arelated: line 5 (first copy)',
      '::warning file=content/guides/logs.txt,line=80,title=stale-review::revision.lastReviewed is 2019-08-03, 100%25 stale: expected a review, within 365 days',
      '::warning file=odd dir/a%2Cb%3Ac.txt,line=1,col=1,title=plugin-rule::line one%0Aline two%0D%0Awith a control \u0001 character%0Arelated: line 2%0Arelated: line 3',
      '::notice title=anp::anp: 1 error and 2 warnings in 2 files; all annotated',
      '',
    ]);
  });

  it('every line is a single command (no raw line breaks leak)', () => {
    for (const line of formatters.github(results, context).trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning|notice) [^:]+::/);
  });
});

describe('junit', () => {
  const xml = formatters.junit(results, context);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(XMLValidator.validate(formatters.junit([], context))).toBe(true);
    expect(XMLValidator.validate(formatters.junit(clean, context))).toBe(true);
  });

  it('has one testsuite per file and one failing testcase per finding; clean files pass', () => {
    const doc = parser.parse(xml) as { testsuites: { tests: string; failures: string; testsuite: Array<{ name: string; tests: string; failures: string; testcase: Array<{ name: string; failure?: { type: string; message: string; '#text': string } }> }> } };
    expect(doc.testsuites.tests).toBe('4');
    expect(doc.testsuites.failures).toBe('3');
    const suites = doc.testsuites.testsuite;
    expect(suites.map((suite) => suite.name)).toEqual(['content/guides/logs.txt', 'content/clean.txt', 'odd dir/a,b:c.txt']);
    expect(suites.map((suite) => suite.testcase.length)).toEqual([2, 1, 1]);
    expect(suites[1]!.testcase[0]!.failure).toBeUndefined();
    const failure = suites[0]!.testcase[0]!.failure!;
    expect(failure.type).toBe('error');
    expect(failure.message).toBe('paragraph repeats the one at line 5 <exactly> & "verbatim"');
    expect(failure['#text']).toContain('content/guides/logs.txt:12:3: error');
    expect(suites[0]!.testcase[1]!.failure!.type).toBe('warning');
  });

  it('escapes markup and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('bell\u0007 and \uFFFF')).toBe('bell\uFFFD and \uFFFD');
    expect(escapeXml('\uD83D\uDE00 ok, lone \uD83D')).toBe('\uD83D\uDE00 ok, lone \uFFFD');
    expect(xml).not.toMatch(/\u0001/);
  });
});

describe('stylish', () => {
  it('groups by file with aligned columns, a totals line and a per-rule table', () => {
    const text = formatters.stylish(results, context);
    const lines = text.split('\n');
    expect(lines[0]).toBe('content/guides/logs.txt');
    const m1 = 'paragraph repeats the one at line 5 <exactly> & "verbatim"';
    const m2 = 'revision.lastReviewed is 2019-08-03, 100% stale: expected a review, within 365 days';
    expect(lines[1]).toBe(`  12:3  error    ${m1.padEnd(m2.length)}  duplicate-paragraph`);
    expect(lines[2]).toBe(`  80:1  warning  ${m2}  stale-review`);
    expect(lines[3]).toBe('');
    expect(lines[4]).toBe('odd dir/a,b:c.txt');
    expect(text).not.toContain('content/clean.txt');
    expect(text).toContain('✖ 3 problems (1 error, 2 warnings)');
    expect(text).toMatch(/│ rule +│ errors │ warnings │/);
    expect(text).toMatch(/│ stale-review +│ +0 │ +1 │/);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('colours with a colour level, never without', () => {
    expect(formatters.stylish(results, { ...context, colorLevel: 1 })).toMatch(/\u001b\[31m/);
  });

  it('prints nothing when there are no findings', () => {
    expect(formatters.stylish(clean, context)).toBe('');
    expect(formatters.stylish([], context)).toBe('');
  });

  it('singular forms', () => {
    expect(formatters.stylish([results[2]!], context)).toContain('✖ 1 problem (0 errors, 1 warning)');
  });
});

describe('sarif (structure; validated by the SARIF Multitool in sarif.test.ts)', () => {
  const log = buildSarif(results, context) as any;
  const run = log.runs[0];

  it('has the schema, version and driver with every known rule', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(run.tool.driver.name).toBe('anp');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.tool.driver.informationUri).toBe('https://example.com/anp');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['duplicate-paragraph', 'stale-review', 'scrape-residue', 'plugin-rule']);
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'duplicate-paragraph',
      name: 'DuplicateParagraph',
      shortDescription: { text: 'A paragraph equal to an earlier one.' },
      helpUri: 'https://example.com/anp/docs/rules/duplicate-paragraph.md',
      defaultConfiguration: { level: 'error' },
    });
    expect(run.tool.driver.rules[2].defaultConfiguration.enabled).toBe(false);
  });

  it('results point into rules and artifacts, with regions and related locations', () => {
    expect(run.artifacts.map((a: any) => a.location.uri)).toEqual(['content/guides/logs.txt', 'content/clean.txt', 'odd%20dir/a%2Cb%3Ac.txt']);
    expect(run.results).toHaveLength(3);
    const [first, second] = run.results;
    expect(first).toMatchObject({
      ruleId: 'duplicate-paragraph',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'paragraph repeats the one at line 5 <exactly> & "verbatim"' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'content/guides/logs.txt', index: 0 }, region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 40 } } }],
      relatedLocations: [{ id: 1, message: { text: 'first copy' }, physicalLocation: { region: { startLine: 5 } } }],
    });
    expect(second.level).toBe('warning');
    expect(second.ruleIndex).toBe(1);
    expect(run.results[2].ruleIndex).toBe(3);
  });

  it('URIs are relative with forward slashes, or file: URLs outside the cwd', () => {
    expect(artifactUri('a/b c.txt', '/w')).toBe('a/b%20c.txt');
    expect(artifactUri('/w/x/y.txt', '/w')).toBe('x/y.txt');
    expect(artifactUri('/elsewhere/y.txt', '/w')).toBe('file:///elsewhere/y.txt');
    expect(artifactUri('./z.txt', '/w')).toBe('z.txt');
    expect(friendlyName('meta-field-missing')).toBe('MetaFieldMissing');
  });
});

it('every format is registered and returns a string', () => {
  expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'github', 'junit', 'compact', 'html']);
  for (const name of FORMAT_NAMES) expect(typeof formatters[name](results, context)).toBe('string');
});
