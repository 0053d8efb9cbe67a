import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discoverFiles } from '../../src/io/discover.js';

let root: string;
let project: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'anp-discover-'));
  project = path.join(root, 'project');
  const files = [
    'project/a.txt',
    'project/B.txt',
    'project/notes.md',
    'project/guides/deep/c.txt',
    'project/drafts/d.txt',
    'project/node_modules/pkg/e.txt',
    'project/guides/node_modules/f.txt',
    'project/.cache/g.txt',
    'project/guides/.hidden/h.txt',
    'project/.dotfile.txt',
    'outside/o.txt',
  ];
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), 'x');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('discoverFiles', () => {
  it('searches folders for **/*.txt, skipping node_modules and dot-folders, sorted by code point', async () => {
    const result = await discoverFiles(['.'], { cwd: project });
    expect({ files: result.files, missing: result.missing }).toEqual({
      files: ['B.txt', 'a.txt', 'drafts/d.txt', 'guides/deep/c.txt'],
      missing: [],
    });
  });

  it('honours ignores relative to cwd', async () => {
    const { files } = await discoverFiles(['.'], { cwd: project, ignores: ['drafts/**', '**/c.txt'] });
    expect(files).toEqual(['B.txt', 'a.txt']);
  });

  it('applies cwd-relative ignores when a subfolder is searched', async () => {
    const { files } = await discoverFiles(['guides'], { cwd: project, ignores: ['guides/deep/**'] });
    expect(files).toEqual([]);
  });

  it('uses include patterns inside each folder searched', async () => {
    expect((await discoverFiles(['.'], { cwd: project, include: ['**/*.md'] })).files).toEqual(['notes.md']);
    expect((await discoverFiles(['guides'], { cwd: project, include: ['deep/*.txt'] })).files).toEqual([
      'guides/deep/c.txt',
    ]);
  });

  it('takes files given directly as they are: any extension, even in a dot-folder or ignored', async () => {
    const { files } = await discoverFiles(['notes.md', '.cache/g.txt', 'drafts/d.txt'], {
      cwd: project,
      ignores: ['drafts/**'],
    });
    expect(files).toEqual(['.cache/g.txt', 'drafts/d.txt', 'notes.md']);
  });

  it('searches a dot-folder or node_modules folder when it is named explicitly', async () => {
    expect((await discoverFiles(['.cache'], { cwd: project })).files).toEqual(['.cache/g.txt']);
    expect((await discoverFiles(['node_modules'], { cwd: project })).files).toEqual(['node_modules/pkg/e.txt']);
  });

  it('lists paths that do not exist as missing, as given, and still returns the rest', async () => {
    const result = await discoverFiles(['nope', 'a.txt', 'gone/x.txt', 'a.txt/below'], { cwd: project });
    expect({ files: result.files, missing: result.missing }).toEqual({ files: ['a.txt'], missing: ['nope', 'gone/x.txt', 'a.txt/below'] });
  });

  it('de-duplicates a file reached several ways, and makes absolute paths relative with forward slashes', async () => {
    const result = await discoverFiles(['.', './a.txt', path.join(project, 'a.txt'), 'guides/../a.txt'], {
      cwd: project,
    });
    expect(result.files).toEqual(['B.txt', 'a.txt', 'drafts/d.txt', 'guides/deep/c.txt']);
  });

  it('gives paths outside cwd relative to cwd', async () => {
    expect((await discoverFiles(['../outside'], { cwd: project })).files).toEqual(['../outside/o.txt']);
  });

  it('returns an empty list for an empty folder', async () => {
    const empty = path.join(root, 'empty');
    await mkdir(empty, { recursive: true });
    expect(await discoverFiles(['.'], { cwd: empty })).toEqual({ files: [], missing: [], warnings: [], special: new Map(), unmatched: ['.'], ignored: [] });
  });
});
