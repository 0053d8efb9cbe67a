/**
 * Imports point one way (the README's Layout section): cli -> index (the API) -> engine
 * (+ config), formatters, io, parser; rules -> the rule kit, model, text. This scans every
 * import and re-export of src/ and rules/ and checks each against the layer table.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './cli/helpers.js';

type Layer = 'cli' | 'index' | 'engine' | 'rules' | 'kit' | 'formatters' | 'io' | 'parser' | 'model' | 'text' | 'errors';

/** The rule kit: the parts of the engine that rules are written with. */
const KIT = new Set(['src/engine/rule.ts', 'src/engine/meta-access.ts', 'src/engine/post-index.ts', 'src/engine/fixer.ts']);

function layerOf(file: string): Layer {
  if (KIT.has(file)) return 'kit';
  if (file === 'src/index.ts') return 'index';
  if (file === 'src/errors.ts') return 'errors';
  if (file.startsWith('rules/')) return 'rules';
  const folder = file.split('/')[1]!;
  if (folder === 'config') return 'engine'; // config discovery and resolution belong to the engine
  if (folder === 'meta') return 'model'; // the meta field table is part of the data model
  return folder as Layer;
}

const below: Record<Layer, readonly Layer[]> = {
  cli: ['index', 'engine', 'kit', 'formatters', 'io', 'model', 'text', 'errors'],
  index: ['engine', 'kit', 'rules', 'formatters', 'io', 'parser', 'model', 'text', 'errors'],
  engine: ['kit', 'rules', 'formatters', 'io', 'parser', 'model', 'text', 'errors'],
  rules: ['kit', 'model', 'text', 'errors'],
  kit: ['model', 'text', 'errors'],
  formatters: ['model', 'text', 'errors'],
  io: ['text', 'errors'],
  parser: ['model', 'text'],
  model: ['text'],
  text: [],
  errors: [],
};

function sources(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'/gm), ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts'));
}

const files = [...sources('src'), ...sources('rules')];

describe('import direction', () => {
  it('finds the modules', () => {
    expect(files.length).toBeGreaterThan(60);
  });

  for (const file of files) {
    it(file, () => {
      const from = layerOf(file);
      const wrong = importsOf(file).filter((target) => {
        const to = layerOf(target);
        return to !== from && !below[from].includes(to);
      });
      expect(wrong, `${file} (${from}) imports from a layer above it or beside it`).toEqual([]);
    });
  }

  it('nothing but the CLI imports the public entry, and nothing imports the CLI', () => {
    for (const file of files) {
      for (const target of importsOf(file)) {
        if (target === 'src/index.ts') expect(layerOf(file), file).toBe('cli');
        if (target.startsWith('src/cli/')) expect(layerOf(file), file).toBe('cli');
      }
    }
  });
});
