/**
 * Config discovery and top-level validation. `anp.config.json`, `.anprc.json` or the `anp`
 * key of `package.json`, searched upward from the cwd (the first directory that has one
 * wins; a package.json without an `anp` key is skipped), or the file given with `-c`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseJsonc } from './jsonc.js';
import { ConfigFile, describeIssues, formatPath } from './schema.js';
import { lineColumn } from './jsonc.js';

export { ConfigError };

/** The names looked for in each directory, in order of preference. */
export const CONFIG_FILE_NAMES = ['anp.config.json', '.anprc.json', 'package.json'] as const;

export interface LoadedConfig {
  /** Absolute path of the file the config came from, or null when none was found. */
  file: string | null;
  /** How the file is named in messages (relative to the cwd). */
  displayName: string;
  /** The folder that relative paths in the config (plugins) are resolved against. */
  dir: string;
  /** Key path of the config inside the file: `["anp"]` for package.json, else `[]`. */
  keyPrefix: string[];
  config: ConfigFile;
}

export interface LoadOptions {
  /** `-c FILE`, relative to cwd. */
  configFile?: string | undefined;
  cwd: string;
}

function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || isAbsolute(rel) ? file : rel.split('\\').join('/');
}

function readJson(file: string, shown: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT' ? `${shown}: config file not found` : `${shown}: cannot read config file (${code ?? String(error)})`,
    );
  }
  // package.json is strict JSON (npm reads it); anp's own files are JSONC.
  return basename(file) === 'package.json' ? parseJson(text, shown) : parseJsonc(text, shown);
}

/** JSON.parse with a message naming the file, line and column of the first syntax error. */
function parseJson(text: string, shown: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const detail = message.replace(/\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/^JSON\.parse: /, '');
    if (position) {
      const { line, column } = lineColumn(body, Number(position[1]));
      throw new ConfigError(`${shown}:${line}:${column}: invalid JSON: ${detail}`);
    }
    throw new ConfigError(`${shown}: invalid JSON: ${detail}`);
  }
}


/**
 * Whether a package.json holds anp settings. One that is not valid JSON but mentions an
 * `"anp"` key may well hold them: that is an error naming the file and line, not a silent
 * fall back to the defaults. One that is broken and never mentions anp is not ours to judge.
 */
function hasAnpKey(packageJson: string, cwd: string): boolean {
  let text: string;
  try {
    text = readFileSync(packageJson, 'utf8');
  } catch {
    return false;
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    if (!/"anp"\s*:/.test(text)) return false;
    parseJson(text, displayName(packageJson, cwd)); // throws, naming the line
    return false;
  }
  return typeof data === 'object' && data !== null && Object.hasOwn(data, 'anp');
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The config file that applies to `cwd`, searching upward, or null. */
export function findConfigFile(cwd: string): string | null {
  const start = resolve(cwd);
  let dir = start;
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (!isFile(candidate)) continue;
      if (name === 'package.json' && !hasAnpKey(candidate, start)) continue;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Build the exit-2 error for a key path inside a loaded config. */
export function configError(loaded: Pick<LoadedConfig, 'displayName' | 'keyPrefix'>, path: readonly PropertyKey[], message: string): ConfigError {
  const full = formatPath([...loaded.keyPrefix, ...path]);
  return new ConfigError(`${loaded.displayName}: ${full === '' ? '' : `${full}: `}${message}`);
}

const TOP_LEVEL_KEYS = Object.keys(ConfigFile.shape);

/** Validate an already parsed config object (top level only; rule entries are checked in resolve). */
export function validateConfigObject(data: unknown, where: Pick<LoadedConfig, 'displayName' | 'keyPrefix'>): ConfigFile {
  const hostile = checkConfigTree(data);
  if (hostile) throw configError(where, hostile.path, hostile.message);
  const parsed = ConfigFile.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error.issues, (path) => (path.length === 0 ? TOP_LEVEL_KEYS : undefined));
  // Every problem at once, each with its key path.
  throw ConfigError.of(issues.map((issue) => configError(where, issue.path, issue.message).message));
}

/** Deeper than this is not a config anyone wrote by hand (the deepest real one is ~4). */
export const MAX_CONFIG_DEPTH = 64;

/** Keys that would reach Object.prototype through an ordinary lookup or merge. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Walks the whole config once, iteratively (no recursion, whatever the depth), before zod
 * sees it: keys such as `__proto__` are refused, nesting is bounded, and numbers JSON cannot
 * hold (`1e999` parses as Infinity) are named as such instead of zod's `got null`.
 */
export function checkConfigTree(data: unknown): { path: PropertyKey[]; message: string } | null {
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const what = Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
      return { path, message: `expected a finite number, got ${what} (a number too large for JSON, such as 1e999?)` };
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_CONFIG_DEPTH) {
      return { path: path.slice(0, 3), message: `nested more than ${MAX_CONFIG_DEPTH} levels deep; a config is never that deep` };
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: [...path, index] }));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return { path: [...path, key], message: `the key "${key}" is not allowed (it would change every object)` };
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return null;
}

/** Load and validate the config that applies (no config file => empty config). */
export function loadConfig(options: LoadOptions): LoadedConfig {
  const cwd = resolve(options.cwd);
  let file: string | null;
  if (options.configFile !== undefined) {
    file = resolve(cwd, options.configFile);
    if (!existsSync(file)) throw new ConfigError(`${options.configFile}: config file not found`);
  } else {
    file = findConfigFile(cwd);
  }
  if (file === null) {
    return { file: null, displayName: '(defaults)', dir: cwd, keyPrefix: [], config: {} };
  }
  const shown = displayName(file, cwd);
  const data = readJson(file, shown);
  const isPackageJson = basename(file) === 'package.json';
  let value: unknown = data;
  if (isPackageJson) {
    if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'anp')) {
      throw new ConfigError(`${shown}: no "anp" key to read the config from`);
    }
    value = (data as Record<string, unknown>).anp;
  }
  const where = { displayName: shown, keyPrefix: isPackageJson ? ['anp'] : [] };
  const config = validateConfigObject(value, where);
  return { file, displayName: shown, dir: dirname(file), keyPrefix: where.keyPrefix, config };
}
