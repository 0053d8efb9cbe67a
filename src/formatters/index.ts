/** The formatters by name (`-f NAME`). Each is a pure function: results + context -> string. */
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { Formatter } from './types.js';

export type { ColorLevel, FormatContext, Formatter, RuleInfo } from './types.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  compact: formatCompact,
  html: formatHtml,
} as const satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const FORMAT_NAMES = Object.keys(formatters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

export function getFormatter(name: FormatName): Formatter {
  return formatters[name];
}
