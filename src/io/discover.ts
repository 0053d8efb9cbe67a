/**
 * Which files a run reads. Paths given on the command line are taken as they are (a file of
 * any extension is read; a folder is searched with the `include` patterns), the way ESLint
 * and markdownlint-cli2 treat their arguments. Inside folders, `node_modules` and
 * dot-folders are skipped and `ignores` apply.
 *
 * Pattern bases: `include` patterns are matched inside each folder searched; `ignores` are
 * relative to `cwd` (where the config file lives), so `drafts/**` means `<cwd>/drafts`.
 */
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export interface DiscoverOptions {
  /** Globs matched inside each folder given. Default `['**\/*.txt']`. */
  include?: string[];
  /** Globs relative to `cwd`; matching files are skipped inside folders. */
  ignores?: string[];
  cwd?: string;
}

export interface Discovery {
  /** Relative to `cwd`, forward slashes, each once, sorted by code point. */
  files: string[];
  /** Paths as given that do not exist. */
  missing: string[];
}

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.txt'];

export async function discoverFiles(paths: string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const include = options.include ?? [...DEFAULT_INCLUDE];
  const ignores = options.ignores ?? [];
  const found = new Set<string>();
  const missing: string[] = [];

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const kind = await pathKind(absolute);
    if (kind === 'missing') {
      missing.push(given);
    } else if (kind === 'file') {
      found.add(toPosix(path.relative(cwd, absolute)));
    } else {
      for (const file of await searchFolder(cwd, absolute, include, ignores)) found.add(file);
    }
  }

  // Code-point order, not locale order: the same on every machine, so exports are byte-identical.
  const files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, missing };
}

async function pathKind(absolute: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(absolute)).isDirectory() ? 'folder' : 'file';
  } catch {
    // A path that exists but cannot be followed (a dangling or looping symlink, a folder we
    // may not enter) is still a file the user named: the reader reports why it cannot be
    // read, as a per-file problem, instead of the whole run failing.
    const exists = await lstat(absolute).then(
      () => true,
      () => false,
    );
    return exists ? 'file' : 'missing';
  }
}

async function searchFolder(cwd: string, folder: string, include: string[], ignores: string[]): Promise<string[]> {
  // Globbing from cwd with the folder as a pattern prefix gives results that are already
  // relative to cwd, and lets cwd-relative ignores match them directly.
  const relative = toPosix(path.relative(cwd, folder));
  const base = relative === '' ? '' : `${fg.escapePath(relative)}/`;
  return fg(
    include.map((pattern) => base + pattern),
    {
      cwd,
      // Below the folder given: an explicit `anp export node_modules/x` still works.
      ignore: [`${base}**/node_modules/**`, ...ignores],
      dot: false, // wildcards never enter dot-folders (nor match dotfiles)
      onlyFiles: true,
      followSymbolicLinks: true,
      unique: true,
    },
  );
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
