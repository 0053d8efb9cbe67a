/**
 * The installed anp package (version, home page, where its docs can be read), found upward
 * from this module, so it works from src/ (tests) and from dist/src/ (the package).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleInfo } from '../formatters/types.js';
import type { Rule } from './rule.js';

export interface PackageInfo {
  root: string;
  version: string;
  informationUri: string;
  /** Base URL under which `docs/rules/<id>.md` can be read. */
  docsBase: string;
}

let packageInfoCache: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (packageInfoCache) return packageInfoCache;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
        homepage?: string;
        repository?: string | { url?: string };
      };
      if (pkg.name === 'anp') {
        const version = pkg.version ?? '0.0.0';
        const repo = repositoryUrl(pkg.repository);
        packageInfoCache = {
          root: dir,
          version,
          informationUri: pkg.homepage ?? repo ?? 'https://www.npmjs.com/package/anp',
          // A GitHub repository shows the docs rendered; otherwise the published package's
          // own files (the package ships docs/) through a CDN.
          docsBase: repo?.startsWith('https://github.com/') ? `${repo}/blob/v${version}` : `https://unpkg.com/anp@${version}`,
        };
        return packageInfoCache;
      }
    } catch {
      // not here; keep going up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the package.json of anp');
    dir = parent;
  }
}

function repositoryUrl(repository: string | { url?: string } | undefined): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (!raw) return undefined;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^github:/, 'https://github.com/');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** `docs/rules/<id>.md` (a page of the package), or undefined for any other docs value. */
export function packagedDocsPath(rule: Rule<any>): string | undefined {
  return /^docs\/rules\/[\w.-]+\.md$/.test(rule.meta.docs ?? '') ? rule.meta.docs : undefined;
}

/** Rule summaries for formatters (SARIF tool.driver.rules). */
export function ruleInfos(rules: readonly Rule<any>[]): RuleInfo[] {
  const { docsBase } = packageInfo();
  return rules.map((rule) => {
    const packaged = packagedDocsPath(rule);
    return {
      id: rule.meta.id,
      description: rule.meta.description,
      defaultSeverity: rule.meta.defaultSeverity,
      helpUri: packaged !== undefined ? `${docsBase}/${packaged}` : /^https?:\/\//.test(rule.meta.docs ?? '') ? rule.meta.docs : undefined,
    };
  });
}
