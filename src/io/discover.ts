/**
 * Which files a run reads. Paths given on the command line are taken as they are (a file of
 * any extension is read; a folder is searched with the `include` patterns), the way ESLint
 * and markdownlint-cli2 treat their arguments. Inside folders, `node_modules` and
 * dot-folders are skipped and `ignores` apply.
 *
 * A path that does not exist but is a glob (`'content/**\/*.txt'`, quoted so the shell leaves
 * it alone) is matched from `cwd` with fast-glob, as ESLint and markdownlint-cli2 do.
 *
 * Pattern bases: `include` patterns are matched inside each folder searched; `ignores` are
 * relative to `cwd`, so `drafts/**` means `<cwd>/drafts`. `matcher` (src/io/ignores.ts)
 * decides for every file, named ones included (config ignores, .gitignore).
 */
import * as fs from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { IgnoreMatcher } from './ignores.js';

export interface DiscoverOptions {
  /** Globs matched inside each folder given. Default `['**\/*.txt']`. */
  include?: string[];
  /** Globs relative to `cwd`; matching files are skipped inside folders. */
  ignores?: string[];
  cwd?: string;
  /**
   * Follow symbolic links to folders (default true). Either way a link that leads back into
   * a folder being walked (a cycle) is never followed, and is named in `warnings`.
   */
  followSymlinks?: boolean;
  /** Skips files anywhere, named ones included; `ignores` only prunes the walk. */
  matcher?: IgnoreMatcher;
}

export interface Discovery {
  /** Relative to `cwd`, forward slashes, each once, sorted by code point. */
  files: string[];
  /** Paths as given that do not exist. */
  missing: string[];
  /** Problems that did not stop the walk: a symlink cycle (once per link), a folder that cannot be read. */
  warnings: string[];
  /**
   * Entries in `files` found inside folders that are not regular files and must not be
   * opened (a FIFO would block the run), with the reason, for the reader to report.
   */
  special: Map<string, string>;
  /** Paths and globs as given that led to no file (a folder with none, a glob matching none). */
  unmatched: string[];
  /** Files named on the command line that an ignore pattern skips. */
  ignored: string[];
}

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.txt'];

export async function discoverFiles(paths: string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const include = options.include ?? [...DEFAULT_INCLUDE];
  const ignores = options.ignores ?? [];
  const walk = new Walk(cwd, options.followSymlinks ?? true);
  const found = new Set<string>();
  const missing: string[] = [];
  const unmatched: string[] = [];
  const ignored: string[] = [];
  const kept = (file: string): boolean => !(options.matcher?.ignores(file) ?? false);

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const kind = await pathKind(absolute);
    if (kind === 'missing' && fg.isDynamicPattern(toPosix(given))) {
      const matched = (await searchGlob(walk, given, ignores)).filter(kept);
      if (matched.length === 0) unmatched.push(given);
      for (const file of matched) found.add(file);
    } else if (kind === 'missing') {
      missing.push(given);
    } else if (kind === 'file') {
      const file = toPosix(path.relative(cwd, absolute));
      if (kept(file)) found.add(file);
      else ignored.push(given);
    } else {
      const matched = (await searchFolder(walk, absolute, include, ignores)).filter(kept);
      if (matched.length === 0) unmatched.push(given);
      for (const file of matched) found.add(file);
    }
  }

  // Code-point order, not locale order: the same on every machine, so exports are byte-identical.
  let files = [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Through symlinks one real file can be reached under several paths: keep one of them.
  if (walk.sawSymlink) files = onePathPerFile(files, cwd);
  const special = new Map([...walk.special].filter(([file]) => files.includes(file)));
  return { files, missing, warnings: walk.warnings, special, unmatched, ignored };
}

/**
 * The state of one discovery: what fast-glob's file-system calls have seen. Symlinked folders
 * are followed only when their real target is not one of the folders the link sits in
 * (compared by real path, so `a/l1 -> b`, `b/l2 -> a` is caught on its second hop too).
 */
class Walk {
  private readonly otherWarnings: string[] = [];
  /** Every refused link as met (one link can be met under several paths, one loop through several links). */
  private readonly cycles: Array<{ linkKey: string; loopKey: string; direct: boolean; message: string }> = [];
  readonly special = new Map<string, string>();
  sawSymlink = false;
  private readonly realCache = new Map<string, string | null>();
  private readonly warned = new Set<string>();

  constructor(
    readonly cwd: string,
    readonly followSymlinks: boolean,
  ) {}

  real(absolute: string): string | null {
    let real = this.realCache.get(absolute);
    if (real === undefined) {
      try {
        real = fs.realpathSync(absolute);
      } catch {
        real = null;
      }
      this.realCache.set(absolute, real);
    }
    return real;
  }

  shown(absolute: string): string {
    const relative = path.relative(this.cwd, absolute);
    return toPosix(relative === '' ? '.' : relative);
  }

  warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.otherWarnings.push(message);
  }

  /**
   * One warning per cycle, sorted: the walk is asynchronous, so links are met in any order;
   * the name shown is the link's own path when it was met there (not through another link),
   * else the first in code-point order.
   */
  get warnings(): string[] {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const cycle of [...this.cycles].sort((a, b) => Number(b.direct) - Number(a.direct) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))) {
      if (seen.has(`link\0${cycle.linkKey}`) || seen.has(`loop\0${cycle.loopKey}`)) continue;
      seen.add(`link\0${cycle.linkKey}`);
      seen.add(`loop\0${cycle.loopKey}`);
      out.push(cycle.message);
    }
    return [...out, ...this.otherWarnings].sort();
  }

  /**
   * When a symlinked folder leads to one of `link`'s own folders: that folder, and the real
   * folders of the loop (the same for every link of one cycle, so it is named once).
   */
  cycleTarget(link: string, targetReal: string): { ancestor: string; loop: string } | null {
    const reals: string[] = [];
    for (let dir = path.dirname(link); ; dir = path.dirname(dir)) {
      const real = this.real(dir);
      reals.push(real ?? dir);
      if (real === targetReal) return { ancestor: dir, loop: [...new Set(reals)].sort().join('\0') };
      if (path.dirname(dir) === dir) return null;
    }
  }

  /** fast-glob's `fs` adapter: `stat` decides which symlinks are followed. */
  adapter(): Partial<fg.FileSystemAdapter> {
    const stat = (target: string, callback: (error: NodeJS.ErrnoException | null, stats: fs.Stats) => void): void => {
      this.sawSymlink = true;
      fs.stat(target, (error, stats) => {
        if (error) {
          callback(error, stats);
          return;
        }
        if (stats.isDirectory()) {
          if (!this.followSymlinks) {
            callback(notFollowed(), stats);
            return;
          }
          const targetReal = this.real(target);
          const cycle = targetReal === null ? null : this.cycleTarget(target, targetReal);
          if (cycle !== null) {
            const linkKey = `${this.real(path.dirname(target)) ?? ''}\0${path.basename(target)}`;
            this.cycles.push({ linkKey, loopKey: cycle.loop, direct: this.real(path.dirname(target)) === path.dirname(target), message: `${this.shown(target)}: symbolic link back to ${this.shown(cycle.ancestor)}, a folder already being walked (a cycle); not followed` });
            // As if the link could not be followed: fast-glob keeps it as a link and does not descend.
            callback(notFollowed(), stats);
            return;
          }
        }
        callback(null, stats);
      });
    };
    const readdir = ((folder: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void): void => {
      fs.readdir(folder, options as { withFileTypes: true }, (error, entries) => {
        if (error && error.code !== 'ENOENT' && error.code !== 'ENOTDIR') {
          // A folder we may not enter: say so, and walk the rest.
          this.warnOnce(`readdir\0${folder}`, `${this.shown(folder)}: cannot read folder (${describeError(error)}); skipped`);
          callback(null, []);
          return;
        }
        callback(error, entries);
      });
    }) as unknown as fg.FileSystemAdapter['readdir'];
    return { stat, readdir };
  }
}

function notFollowed(): NodeJS.ErrnoException {
  return Object.assign(new Error('not followed'), { code: 'ELOOP' });
}

function describeError(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'permission denied';
  return error.code ?? error.message;
}

/** Keeps one path per real file (device + inode): a path without symlinks when there is one, else the first. */
function onePathPerFile(files: string[], cwd: string): string[] {
  const byInode = new Map<string, string[]>();
  const kept: string[] = [];
  for (const file of files) {
    let key: string;
    try {
      const stats = fs.statSync(path.resolve(cwd, file));
      key = `${stats.dev}:${stats.ino}`;
    } catch {
      kept.push(file); // dangling: the reader reports it
      continue;
    }
    const group = byInode.get(key);
    if (group) group.push(file);
    else byInode.set(key, [file]);
  }
  for (const group of byInode.values()) {
    const direct = group.find((file) => {
      const absolute = path.resolve(cwd, file);
      try {
        return fs.realpathSync(absolute) === absolute;
      } catch {
        return false;
      }
    });
    kept.push(direct ?? group[0]!);
  }
  return kept.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
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

async function searchFolder(walk: Walk, folder: string, include: string[], ignores: string[]): Promise<string[]> {
  const { cwd } = walk;
  // Globbing from cwd with the folder as a pattern prefix gives results that are already
  // relative to cwd, and lets cwd-relative ignores match them directly.
  const relative = toPosix(path.relative(cwd, folder));
  const base = relative === '' ? '' : `${fg.escapePath(relative)}/`;
  const entries = await fg(
    include.map((pattern) => base + pattern),
    {
      cwd,
      // Below the folder given: an explicit `anp export node_modules/x` still works.
      ignore: [`${base}**/node_modules/**`, ...ignores],
      dot: false, // wildcards never enter dot-folders (nor match dotfiles)
      onlyFiles: false, // FIFOs and dangling links are reported, not silently dropped
      objectMode: true,
      followSymbolicLinks: true, // but see Walk: never into a cycle
      unique: true,
      fs: walk.adapter(),
    },
  );
  const files: string[] = [];
  for (const entry of entries) {
    const { dirent } = entry;
    if (dirent.isFile()) {
      files.push(entry.path);
    } else if (dirent.isDirectory()) {
      continue; // a folder whose name matches (`x.txt/`)
    } else if (dirent.isSymbolicLink()) {
      // A link fast-glob could not follow: dangling, or a folder cycle Walk refused (skipped).
      const absolute = path.resolve(cwd, entry.path);
      if (fs.existsSync(absolute)) continue;
      files.push(entry.path);
      walk.special.set(entry.path, `dangling symbolic link (to ${readLink(absolute)}); not parsed`);
    } else {
      files.push(entry.path);
      walk.special.set(entry.path, `not a regular file (${specialKind(dirent)}); not parsed`);
    }
  }
  return files;
}

/** A glob given on the command line, matched from cwd (results relative to cwd). */
async function searchGlob(walk: Walk, pattern: string, ignores: string[]): Promise<string[]> {
  const { cwd } = walk;
  const entries = await fg(toPosix(pattern), {
    cwd,
    ignore: ['**/node_modules/**', ...ignores],
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: true,
    unique: true,
    absolute: true,
    fs: walk.adapter(),
  });
  return entries.map((entry) => toPosix(path.relative(cwd, entry)));
}

function readLink(absolute: string): string {
  try {
    return fs.readlinkSync(absolute);
  } catch {
    return 'an unknown target';
  }
}

function specialKind(dirent: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (dirent.isFIFO()) return 'a FIFO';
  if (dirent.isSocket()) return 'a socket';
  if (dirent.isCharacterDevice()) return 'a character device';
  if (dirent.isBlockDevice()) return 'a block device';
  return 'an unknown kind of file';
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}
