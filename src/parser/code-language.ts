/**
 * Guesses the language of an unfenced code block from cheap per-line signals. Each language
 * scores points; the best score wins, and no signal at all gives `null` (never a guess).
 */

export type CodeLanguage = 'python' | 'php' | 'javascript' | 'typescript' | 'bash' | 'sql' | 'yaml' | 'nginx';

const ALIASES: Record<string, string> = {
  py: 'python', python3: 'python', js: 'javascript', node: 'javascript', mjs: 'javascript', ts: 'typescript',
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash', yml: 'yaml', postgres: 'sql', postgresql: 'sql', mysql: 'sql',
};

/** A fence's info string (```py title="x") -> a canonical language name, or null. */
export function languageFromFence(info: string): string | null {
  const word = info.split(/\s/, 1)[0]!.toLowerCase();
  if (word.length === 0) return null;
  return ALIASES[word] ?? word;
}

/** At most this many lines are looked at: enough to decide, bounded for huge blocks. */
const SAMPLE_LINES = 60;

export function detectLanguage(lines: readonly string[]): CodeLanguage | null {
  let python = 0, php = 0, js = 0, ts = 0, bash = 0, sql = 0, yaml = 0, nginx = 0;
  const count = Math.min(lines.length, SAMPLE_LINES);
  for (let i = 0; i < count; i++) {
    const line = lines[i]!.trim();
    if (line.length === 0) continue;
    const lower = line.length < 200 ? line.toLowerCase() : line.slice(0, 200).toLowerCase();
    const endsSemicolon = line.endsWith(';');

    // php
    if (line.startsWith('<?php')) php += 10;
    if (/\$[A-Za-z_]/.test(line) && (endsSemicolon || line.includes('->'))) php += 3;
    if (line.includes('->') && endsSemicolon) php += 1;

    // python
    if (line.startsWith('def ') || line.startsWith('async def ')) python += 4;
    if (line.startsWith('from ') && line.includes(' import ')) python += 4;
    if (line.startsWith('import ') && !endsSemicolon && !line.includes(' from ')) python += 2;
    if (line.charCodeAt(0) === 64 /* @ */) python += 2;
    if (line.endsWith(':') && /^(if|elif|else|for|while|with|try|except|class|def)\b/.test(line)) python += 2;
    if (line.includes('self.') || line.startsWith('print(')) python += 2;
    if (/^return\b/.test(line) && !endsSemicolon) python += 1;

    // javascript / typescript
    if (/^(const|let|var) /.test(line)) js += 3;
    if (line.includes('=>')) js += 2;
    if (line.includes('require(') || line.startsWith('module.exports') || line.includes('console.')) js += 3;
    if (line.startsWith('import ') && (line.includes(" from '") || line.includes(' from "'))) js += 4;
    if (line.startsWith('function ') && !line.includes('$')) js += 2;
    if (/^(interface|type|enum) [A-Za-z_]/.test(line) || /^export (interface|type) /.test(line)) ts += 4;
    if (/: (string|number|boolean|void|unknown|any)\b/.test(line)) ts += 3;

    // bash
    if (line.startsWith('#!') && (lower.includes('sh') || lower.includes('bash'))) bash += 10;
    if (/^(sudo|apt|apt-get|npm|npx|pip|pip3|cd|curl|systemctl|docker|git|chmod|chown|mkdir|export|yarn|pnpm|brew|ssh|wget|tar|ls|rm|cp|mv)\b/.test(line) && !endsSemicolon) bash += 3;
    if (line.startsWith('$ ')) bash += 3;
    if (/^(fi|done|then|esac)$/.test(line) || /^if \[/.test(line)) bash += 3;
    if (/^echo\b/.test(line) && !endsSemicolon) bash += 1;

    // sql
    if (/^(select|insert into|update|delete from|create (table|index|unique index|view)|alter table|drop (table|index)|explain)\b/.test(lower)) sql += 4;
    if (/^(from|where|join|left join|group by|order by|limit|values)\b/.test(lower) && !line.includes(' import ')) sql += 2;

    // nginx
    if (/^(server|location|upstream|http|events)\b.*\{$/.test(line)) nginx += 4;
    if (/^(listen|server_name|proxy_pass|root|index|try_files|proxy_set_header|add_header|return|rewrite|gzip|client_max_body_size)\s/.test(line) && endsSemicolon) nginx += 3;

    // yaml
    if (/^-? ?[A-Za-z_][\w.-]*:( |$)/.test(line) && !endsSemicolon && !line.includes('{') && !line.includes('(')) yaml += 2;
    if (line === '---') yaml += 2;
  }
  if (ts > 0 && js + ts > 0) ts += js;
  const scores: Array<[CodeLanguage, number]> = [
    ['php', php], ['python', python], ['typescript', ts], ['javascript', js], ['bash', bash], ['sql', sql], ['nginx', nginx], ['yaml', yaml],
  ];
  let best: CodeLanguage | null = null;
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
