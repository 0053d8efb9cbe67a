#!/usr/bin/env node
// Part of `prepare`, which npm runs after `npm ci` / `npm install` in a clone (never for
// people who install the package from a tarball or the registry). It links this package's
// own bin into node_modules/.bin, so the README's `npx anp …` runs the clone at once instead
// of npx installing the clone into its cache (and building it again) on first use.
import { chmodSync, existsSync, lstatSync, mkdirSync, readlinkSync, symlinkSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const binDir = path.join(root, 'node_modules', '.bin');
if (!existsSync(path.join(root, 'node_modules'))) process.exit(0); // not an install of the clone
const link = path.join(binDir, 'anp');
const target = path.join('..', '..', 'bin', 'anp.js');
mkdirSync(binDir, { recursive: true });
chmodSync(path.join(root, 'bin', 'anp.js'), 0o755);
let current;
try {
  current = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : 'not a link';
} catch {
  current = undefined;
}
if (current !== target) {
  if (current !== undefined) unlinkSync(link);
  symlinkSync(target, link);
}
