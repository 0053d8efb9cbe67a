/**
 * What a run skips, for files found in folders, files matched by globs and files named on
 * the command line alike: `--ignore-pattern` globs (relative to the cwd), the config's
 * `ignores` (relative to the config file's folder) and, when asked, `.gitignore` files
 * (each relative to its own folder; the ones from the cwd up to the repository root).
 * picomatch for globs (fast-glob's own matcher) and `ignore` for .gitignore syntax (the
 * implementation ESLint uses): gitignore's rules (negation, anchoring, trailing slashes)
 * are subtle and a glob matcher does not follow them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface IgnoreScope {
  /** Absolute folder the patterns are relative to. */
  dir: string;
  patterns: readonly string[];
}

export interface IgnoreOptions {
  cwd: string;
  /** Globs relative to `cwd` (`--ignore-pattern`). */
  ignores?: readonly string[];
  /** Globs relative to another folder (the config's `ignores`, relative to the config file). */
  scoped?: readonly IgnoreScope[];
  /** Read `.gitignore` files from the cwd up to the folder holding `.git`. */
  gitignore?: boolean;
}

type Test = (absolute: string) => boolean;

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** `absolute` relative to `dir` with forward slashes, or null when outside it. */
function inside(dir: string, absolute: string): string | null {
  const relative = path.relative(dir, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return toPosix(relative);
}

function globTest(dir: string, patterns: readonly string[]): Test | null {
  if (patterns.length === 0) return null;
  // A pattern naming a folder (`drafts`, `drafts/`) skips what is inside it too, as in ESLint.
  const expanded = patterns.flatMap((pattern) => {
    const trimmed = pattern.replace(/\/+$/, '');
    return trimmed.endsWith('/**') ? [trimmed] : [trimmed, `${trimmed}/**`];
  });
  const match = picomatch(expanded, { dot: true });
  return (absolute) => {
    const relative = inside(dir, absolute);
    return relative !== null && match(relative);
  };
}

/** The `.gitignore` files that apply at `cwd`: there and in each parent up to the repository root. */
export function gitignoreFiles(cwd: string): string[] {
  const files: string[] = [];
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const file = path.join(dir, '.gitignore');
    if (existsSync(file)) files.push(file);
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return files;
  }
}

function gitignoreTest(file: string): Test | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const dir = path.dirname(file);
  const rules: Ignore = ignore().add(text);
  return (absolute) => {
    const relative = inside(dir, absolute);
    return relative !== null && rules.ignores(relative);
  };
}

export class IgnoreMatcher {
  private readonly tests: Test[];
  readonly cwd: string;

  constructor(options: IgnoreOptions) {
    this.cwd = path.resolve(options.cwd);
    const tests: Array<Test | null> = [globTest(this.cwd, options.ignores ?? [])];
    for (const scope of options.scoped ?? []) tests.push(globTest(path.resolve(scope.dir), scope.patterns));
    if (options.gitignore) for (const file of gitignoreFiles(this.cwd)) tests.push(gitignoreTest(file));
    this.tests = tests.filter((test): test is Test => test !== null);
  }

  get empty(): boolean {
    return this.tests.length === 0;
  }

  /** Whether a file (relative to the cwd, or absolute) is skipped. */
  ignores(file: string): boolean {
    if (this.tests.length === 0) return false;
    const absolute = path.resolve(this.cwd, file);
    return this.tests.some((test) => test(absolute));
  }
}
