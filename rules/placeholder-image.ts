/** placeholder-image: a figure or image source served by a placeholder image host. */
import { z } from 'zod';
import { arrayField, fieldLine } from '../src/engine/meta-access.js';
import { defineRule } from '../src/engine/rule.js';
import { quote } from '../src/text/normalise.js';

export const DEFAULT_PLACEHOLDER_HOSTS = [
  'placehold.co',
  'picsum.photos',
  'via.placeholder.com',
  'dummyimage.com',
  'placekitten.com',
  'loremflickr.com',
] as const;

/** The host of a URL or a bare host name (`placehold.co`), lower case; undefined if neither. */
export function hostOf(text: string): string | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length === 0) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//u.test(trimmed)) {
    try {
      return new URL(trimmed).hostname;
    } catch {
      return undefined;
    }
  }
  const host = trimmed.split(/[/?#\s]/u, 1)[0]!;
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/u.test(host) ? host : undefined;
}

/** The placeholder host `host` belongs to (itself or a subdomain), if any. */
function placeholder(host: string | undefined, hosts: readonly string[]): string | undefined {
  if (host === undefined) return undefined;
  return hosts.find((candidate) => host === candidate || host.endsWith(`.${candidate}`));
}

export default defineRule({
  meta: {
    id: 'placeholder-image',
    description: 'A figure or image source served by a placeholder host (placehold.co, picsum.photos, …; option `hosts`).',
    defaultSeverity: 'warn',
    tags: ['consistency'],
    docs: 'docs/rules/placeholder-image.md',
    schema: z.strictObject({
      hosts: z.array(z.string().min(1)).default(() => [...DEFAULT_PLACEHOLDER_HOSTS]).describe('Host names (subdomains included) that serve placeholder images.'),
    }),
  },
  check(post, context) {
    const hosts = context.options.hosts.map((host) => host.trim().toLowerCase());
    for (const image of post.images) {
      const host = placeholder(image.source === null ? undefined : hostOf(image.source), hosts);
      if (!host) continue;
      context.report({
        line: image.line,
        message: `figure ${quote(image.caption, 50)} comes from placeholder host ${host}; expected a real image`,
      });
    }
    const sources = arrayField(post, 'imageSources') ?? [];
    sources.forEach((entry, index) => {
      if (typeof entry !== 'object' || entry === null) return;
      const { url, source } = entry as Record<string, unknown>;
      const fromUrl = typeof url === 'string' ? placeholder(hostOf(url), hosts) : undefined;
      const fromSource = typeof source === 'string' ? placeholder(hostOf(source), hosts) : undefined;
      const host = fromUrl ?? fromSource;
      if (!host) return;
      const what = fromUrl !== undefined ? `url ${String(url)}` : `source ${String(source)}`;
      context.report({
        line: fieldLine(post, 'imageSources'),
        message: `imageSources[${index}] ${what} is served by placeholder host ${host}; expected a real image`,
      });
    });
  },
});
