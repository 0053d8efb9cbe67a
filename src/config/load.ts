/**
 * Config discovery and top-level validation. `anp.config.json`, `.anprc.json` or the `anp`
 * key of `package.json`, searched upward from the cwd (the first directory that has one
 * wins; a package.json without an `anp` key is skipped), or the file given with `-c`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { ConfigFile, describeIssues, formatPath } from './schema.js';

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
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`${shown}: invalid JSON: ${(error as Error).message}`);
  }
}

function hasAnpKey(packageJson: string): boolean {
  try {
    const data = JSON.parse(readFileSync(packageJson, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && Object.hasOwn(data, 'anp');
  } catch {
    return false;
  }
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
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (!isFile(candidate)) continue;
      if (name === 'package.json' && !hasAnpKey(candidate)) continue;
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
  const parsed = ConfigFile.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = describeIssues(parsed.error.issues, (path) => (path.length === 0 ? TOP_LEVEL_KEYS : undefined));
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  const error = configError(where, first.path, first.message);
  error.message += more;
  throw error;
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
