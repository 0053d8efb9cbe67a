#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, install the tarball into an empty project, then
#   - check the tarball's file list (bin, dist, schema, docs, README, LICENSE; no bench, no
#     tests, no sources or source maps) and that installing it ran no build (`prepare`);
#   - an ESM script imports parse, createLinter and defineRule, lints a text and a folder,
#     formats SARIF and JSON, and runs a custom rule with the built-in meta + check shape;
#   - a TypeScript file using the exported types compiles with tsc --noEmit (nodenext, strict);
#   - the installed bin answers.
# Prints "pack-check: ok" at the end; any failure exits non-zero. `npm pack` runs `prepack`,
# which empties dist/ (no stale files from older builds can ship), then `prepare`, which
# builds it afresh. The project's own node_modules provide typescript and @types/node.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/anp-pack-check.XXXXXX")
trap 'rm -rf "$work"' EXIT

npm pack --silent --pack-destination "$work" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
tarball=$(ls "$work"/anp-*.tgz)

# What is in the tarball
tar -tzf "$tarball" | sed 's|^package/||' | sort >"$work/files.txt"
for required in bin/anp.js dist/src/index.js dist/src/index.d.ts dist/src/cli/main.js dist/rules/index.js schema/config.json schema/post.json schema/report.json docs/api.md docs/rules/stale-review.md README.md LICENSE package.json; do
  grep -qx "$required" "$work/files.txt" || { echo "pack-check: the tarball lacks $required"; exit 1; }
done
if grep -E '(^|/)bench/|^tests/|^src/|^fixtures/|\.map$|\.test\.' "$work/files.txt"; then
  echo "pack-check: the tarball ships files it should not (above)"; exit 1
fi

# Install it into an empty project; offline: its dependencies come from the npm cache that
# this clone's own install filled.
mkdir -p "$work/app"
cd "$work/app"
printf '{ "name": "app", "private": true, "type": "module" }\n' >package.json
npm install --no-audit --no-fund --foreground-scripts --prefer-offline "$tarball" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
if grep -q 'anp@[^ ]* prepare' "$work/install.log"; then
  echo "pack-check: installing the tarball ran anp's prepare script"; exit 1
fi
cp -r "$root/fixtures/samples" ./samples

cat >check.mjs <<'JS'
import assert from 'node:assert/strict';
import { createLinter, defineRule, parse } from 'anp';

const post = parse('a short title\n\nwhy this matters\n\nthe body has one paragraph.\n', { file: 'post.txt' });
assert.equal(post.title, 'a short title');
assert.equal(post.file, 'post.txt');

// A custom rule with the same meta + check shape as the built-in rules.
const noTodo = defineRule({
  meta: { id: 'no-todo', description: 'The title contains "todo".', defaultSeverity: 'error', tags: ['house'], docs: 'https://example.com/no-todo' },
  check(post, context) {
    if (post.title?.toLowerCase().includes('todo')) context.report({ line: 1, message: 'the title contains "todo"' });
  },
});

const linter = createLinter({ now: '2026-11-23', customRules: [noTodo] });
const one = await linter.lintText('todo: a title\n\nthe body.\n', { filePath: 'draft.txt' });
assert.deepEqual(one.findings.map((f) => f.ruleId), ['meta-missing', 'no-todo']);

const results = [];
for await (const result of linter.lintFiles(['samples'])) results.push(result);
assert.equal(results.length, 5);
assert.deepEqual(results.map((r) => r.file), [...results.map((r) => r.file)].sort());

const sarif = JSON.parse(linter.format(results, 'sarif'));
assert.equal(sarif.version, '2.1.0');
assert.ok(sarif.runs[0].tool.driver.rules.some((rule) => rule.id === 'no-todo'));
assert.ok(sarif.runs[0].results.length > 0);
const json = JSON.parse(linter.format([...results, one], 'json'));
assert.equal(json.length, 6);
console.log(`esm: ok (${results.length} files, ${sarif.runs[0].results.length} SARIF results)`);
JS
node check.mjs

cat >check.ts <<'TS'
import { createLinter, defineRule, parse, type Config, type Finding, type LintResult, type Post, type Rule, type RuleContext } from 'anp';
import { z } from 'zod';

const config: Config = { rules: { 'stale-review': ['error', { maxAgeDays: 730 }] } };

const titleLength: Rule<{ max: number }> = defineRule({
  meta: {
    id: 'title-length',
    description: 'A title longer than max characters.',
    defaultSeverity: 'warn',
    tags: ['house'],
    docs: 'https://example.com/title-length',
    schema: z.strictObject({ max: z.int().min(1).default(60) }),
  },
  check(post: Post, context: RuleContext<{ max: number }>) {
    const title: string = post.title ?? '';
    if (title.length > context.options.max) context.report({ line: 1, message: `the title has ${title.length} characters` });
  },
});

export async function run(text: string): Promise<Finding[]> {
  const linter = createLinter({ config, now: new Date(), customRules: [titleLength] });
  const result: LintResult = await linter.lintText(text, { filePath: 'x.txt' });
  const post: Post = parse(text);
  const report: string = linter.format([result], 'sarif');
  void post;
  void report;
  return result.findings;
}
TS
cat >tsconfig.json <<'JSON'
{ "compilerOptions": { "module": "nodenext", "moduleResolution": "nodenext", "target": "es2022", "strict": true, "noEmit": true, "skipLibCheck": false, "types": ["node"], "typeRoots": ["ROOT/node_modules/@types"] }, "include": ["check.ts"] }
JSON
sed -i "s|ROOT|$root|" tsconfig.json
# zod comes with anp (a dependency); typescript and @types/node from this clone.
NODE_PATH="$root/node_modules" node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json
echo "types: ok (tsc --noEmit, module nodenext, strict)"

./node_modules/.bin/anp lint samples --now 2026-11-23 -f compact >/dev/null && { echo "pack-check: expected exit 1 from the samples"; exit 1; } || test $? -eq 1
./node_modules/.bin/anp --version >/dev/null
echo "bin: ok"
echo "pack-check: ok ($(wc -l <"$work/files.txt") files in $(basename "$tarball"))"
