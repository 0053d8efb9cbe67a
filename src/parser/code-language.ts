/**
 * The language of a code block.
 *
 * - A fence's info string is read by `languageFromFence` (the caller prefers it).
 * - An unfenced block goes to `detectLanguage(lines, hint)`: each sampled line adds points to
 *   the languages whose distinctive marks it carries (`package main`, `fn `, `<?php`, `FROM
 *   image`, `$ cmd`, `SELECT `, …). The article's meta `code language` (the hint) is taken when
 *   the block is plausibly that language: nothing in it points clearly at another one. Without
 *   an accepted hint the best-scoring language is named only when its score is high enough and
 *   well ahead of the runner-up; otherwise the answer is `null`. A wrong name is worse than
 *   `null`, so the thresholds favour precision (see tests/parser/code-language.test.ts for the
 *   figures on 198 real programs).
 *
 * Cost: at most SAMPLE_LINES lines, each scanned once for a mask of telling characters that
 * gates the `includes`, a switch on its first word and anchored regexes without nested
 * quantifiers; about 1 µs a sampled line plus 0.5 µs a block, no allocation per call.
 * highlight.js `highlightAuto` was measured as an alternative and does not fit the parser's
 * speed bar (3× a read+split+hash floor): on the 199 snippet programs (first 60 lines) it took
 * 29 ms a block with all its languages and 5.4 ms with a subset of 24 (1.3 ms for a 6-line
 * Python block, some 200× this detector; ~13 s for the bench corpus's 9,789 blocks, where the
 * floor is ~1 s), and it always names a language (74% right with all languages, 15% with the
 * subset), so it would also break "null when unsure". See docs/format.md, "Code language".
 */

/** Canonical names (highlight.js ids where it has one), lowercase. */
const LANGS = [
  'python', 'javascript', 'typescript', 'go', 'rust', 'ruby', 'java', 'csharp', 'kotlin', 'swift',
  'c', 'cpp', 'objectivec', 'php', 'bash', 'shell', 'powershell', 'dos', 'sql', 'yaml', 'json', 'toml',
  'ini', 'xml', 'html', 'css', 'scss', 'less', 'dockerfile', 'nginx', 'apache', 'makefile', 'cmake',
  'hcl', 'elixir', 'erlang', 'haskell', 'elm', 'lua', 'perl', 'r', 'scala', 'dart', 'clojure',
  'lisp', 'scheme', 'fsharp', 'ocaml', 'julia', 'latex', 'diff', 'http', 'protobuf', 'graphql',
  'gradle', 'vbnet', 'crystal', 'nix', 'puppet', 'nim', 'tcl', 'delphi',
  // Never named: marks of a language this detector does not name, or of a template (`{{ }}`,
  // `{% %}`, `<% %>`), that look like one it does (Odin's `:: proc`, q's `select … by`, MEL's
  // `string $x`). They compete with the named languages, so a look-alike gives null.
  '(other)',
] as const;

type Lang = (typeof LANGS)[number];
const COUNT = LANGS.length;
const IDX = new Map<string, number>(LANGS.map((name, i) => [name, i]));
function id(name: Lang): number {
  return IDX.get(name)!;
}

const PY = id('python'), JS = id('javascript'), TS = id('typescript'), GO = id('go'), RS = id('rust');
const RB = id('ruby'), JAVA = id('java'), CS = id('csharp'), KT = id('kotlin'), SWIFT = id('swift');
const C = id('c'), CPP = id('cpp'), OBJC = id('objectivec'), PHP = id('php'), BASH = id('bash');
const SHELL = id('shell'), PS = id('powershell'), DOS = id('dos'), SQL = id('sql'), YAML = id('yaml');
const JSON_ = id('json'), TOML = id('toml'), INI = id('ini'), XML = id('xml'), HTML = id('html');
const CSS = id('css'), SCSS = id('scss'), LESS = id('less'), DOCKER = id('dockerfile');
const NGINX = id('nginx'), APACHE = id('apache'), MAKE = id('makefile'), CMAKE = id('cmake');
const HCL = id('hcl'), EX = id('elixir'), ERL = id('erlang'), HS = id('haskell'), ELM = id('elm');
const LUA = id('lua'), PERL = id('perl'), R = id('r'), SCALA = id('scala'), DART = id('dart');
const CLJ = id('clojure'), LISP = id('lisp'), SCHEME = id('scheme'), FS = id('fsharp');
const ML = id('ocaml'), JULIA = id('julia'), TEX = id('latex'), DIFF = id('diff'), HTTP = id('http');
const PROTO = id('protobuf'), GQL = id('graphql'), GRADLE = id('gradle'), VB = id('vbnet');
const CRYSTAL = id('crystal'), NIX = id('nix'), PUPPET = id('puppet'), NIM = id('nim');
const TCL = id('tcl'), DELPHI = id('delphi'), OTHER = id('(other)');

/**
 * Languages that extend another: evidence for the base counts for the extension once the
 * extension has evidence of its own (TypeScript code is mostly JavaScript; C++ mostly C).
 * When the extension has none, the base is named.
 */
const EXTENDS = Int16Array.from([
  JS, TS, C, CPP, C, OBJC, CSS, SCSS, CSS, LESS, RB, CRYSTAL, BASH, SHELL, // pairs: base, extension
]);
/** Scratch copies for `decide` (reused). */
const D_SUM = new Float64Array(COUNT);
const D_PEAK = new Float64Array(COUNT);
const D_HITS = new Uint16Array(COUNT);

/** Two names for nearly one format (highlight.js highlights them alike): no contest between them. */
const SIBLING = new Int16Array(COUNT).fill(-1);
for (const [a, b] of [[TOML, INI], [HTML, XML]] as const) {
  SIBLING[a] = b;
  SIBLING[b] = a;
}

/**
 * Evidence for these languages does not contradict the hint (the key): a TypeScript article's
 * plain-JavaScript block is TypeScript too, a C++ article's C-looking block is C++, a `bash`
 * article's `$ cmd` session is bash. Not the other way round: TypeScript marks in a JavaScript
 * article's block make it TypeScript.
 */
const HINT_FAMILY: Readonly<Record<string, readonly string[]>> = {
  typescript: ['javascript'], cpp: ['c'], objectivec: ['c'], bash: ['shell'], shell: ['bash'],
  scss: ['css'], less: ['css'], toml: ['ini'], ini: ['toml'], xml: ['html'], html: ['xml'],
  crystal: ['ruby'], gradle: ['kotlin'],
};

const ALIASES: Record<string, string> = {
  py: 'python', python3: 'python', python2: 'python', py3: 'python', gyp: 'python', ipython: 'python',
  js: 'javascript', node: 'javascript', nodejs: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript',
  ts: 'typescript', tsx: 'typescript', mts: 'typescript', cts: 'typescript',
  golang: 'go', rs: 'rust', rb: 'ruby', jruby: 'ruby', gemspec: 'ruby', podspec: 'ruby', rake: 'ruby',
  'c#': 'csharp', cs: 'csharp', dotnet: 'csharp', kt: 'kotlin', kts: 'kotlin', jsp: 'java',
  h: 'c', 'c++': 'cpp', cc: 'cpp', cxx: 'cpp', hpp: 'cpp', hh: 'cpp', hxx: 'cpp', 'h++': 'cpp',
  objc: 'objectivec', 'objective-c': 'objectivec', mm: 'objectivec', m: 'objectivec',
  sh: 'bash', shell: 'bash', zsh: 'bash', ksh: 'bash', shellscript: 'bash',
  console: 'shell', 'shell-session': 'shell', shellsession: 'shell', terminal: 'shell', sh_session: 'shell',
  ps: 'powershell', ps1: 'powershell', pwsh: 'powershell', psm1: 'powershell',
  bat: 'dos', batch: 'dos', cmd: 'dos',
  postgres: 'sql', postgresql: 'sql', mysql: 'sql', sqlite: 'sql', plsql: 'sql', tsql: 'sql', mssql: 'sql', pgsql: 'sql',
  yml: 'yaml', jsonc: 'json', geojson: 'json', json5: 'json',
  html: 'html', xhtml: 'html', htm: 'html', svg: 'xml', rss: 'xml', atom: 'xml', xsd: 'xml', xsl: 'xml', plist: 'xml', wsf: 'xml',
  docker: 'dockerfile', containerfile: 'dockerfile', nginxconf: 'nginx', apacheconf: 'apache',
  make: 'makefile', mk: 'makefile', mak: 'makefile', gnumake: 'makefile', bsdmake: 'makefile',
  terraform: 'hcl', tf: 'hcl', tfvars: 'hcl', ex: 'elixir', exs: 'elixir', erl: 'erlang', hs: 'haskell',
  pl: 'perl', pm: 'perl', sc: 'scala', clj: 'clojure', cljs: 'clojure', edn: 'clojure',
  'f#': 'fsharp', fs: 'fsharp', ml: 'ocaml', jl: 'julia', tex: 'latex', patch: 'diff', https: 'http',
  proto: 'protobuf', gql: 'graphql', vb: 'vbnet', 'vb.net': 'vbnet', cr: 'crystal', pp: 'puppet',
  cfg: 'ini', conf: 'ini', properties: 'properties', md: 'markdown', mkdown: 'markdown', mkd: 'markdown',
  text: 'plaintext', txt: 'plaintext', plain: 'plaintext', rscript: 'r', emacs: 'lisp', elisp: 'lisp',
  rkt: 'scheme', racket: 'scheme', octave: 'matlab',
};

/** A fence's info string (```py title="x") -> a canonical language name, or null. */
export function languageFromFence(info: string): string | null {
  return canonicalLanguage(info.trim().split(/[\s{,]/, 1)[0]!);
}

/**
 * A language name as written (`Python`, `py`, `C#`, `golang`) -> its canonical form, or null
 * for an empty or non-name value (`n/a`, `-`).
 */
export function canonicalLanguage(name: string): string | null {
  let word = name.trim().toLowerCase();
  if (word.startsWith('language-')) word = word.slice(9);
  if (word.length === 0 || word.length > 24 || !/^[a-z][a-z0-9+#._-]*$/.test(word)) return null;
  return ALIASES[word] ?? word;
}

/** At most this many lines are looked at: enough to decide, bounded for huge blocks. */
const SAMPLE_LINES = 60;
/** Lines longer than this are looked at through their first LONG_LINE characters. */
const LONG_LINE = 300;
/** Only a score of at least this names a language. */
const MIN_SCORE = 4;
/** …and only when it is at least this many times the runner-up's. */
const MARGIN = 2;
/** A hint is contradicted by another language scoring at least this and more than the hint. */
const CONTRADICTS = 3;
/** A JSON.parse is tried on a bracketed block up to this size. */
const JSON_PARSE_MAX = 20_000;

const HTML_TAGS = new Set([
  'html', 'head', 'body', 'div', 'span', 'p', 'a', 'ul', 'ol', 'li', 'script', 'style', 'link', 'meta',
  'title', 'table', 'thead', 'tbody', 'tr', 'td', 'th', 'form', 'input', 'button', 'img', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'section', 'nav', 'header', 'footer', 'main', 'article', 'aside', 'br',
  'hr', 'iframe', 'label', 'select', 'option', 'textarea', 'pre', 'code', 'em', 'strong', 'b', 'i',
  'small', 'canvas', 'video', 'audio', 'source', 'noscript', 'template', 'figure', 'figcaption',
]);

const CSS_PROPS = new Set([
  'color', 'margin', 'padding', 'display', 'width', 'height', 'font', 'background', 'border',
  'position', 'top', 'left', 'right', 'bottom', 'content', 'flex', 'grid', 'opacity', 'transition',
  'transform', 'cursor', 'overflow', 'float', 'clear', 'outline', 'animation', 'filter', 'gap',
  'src', 'visibility', 'resize', 'direction', 'quotes', 'order', 'inset', 'zoom',
]);

/** First words of shell commands: a line starting with one (then a space or nothing) is a command. */
const COMMANDS = new Set([
  'sudo', 'apt', 'apt-get', 'npm', 'npx', 'pip', 'pip3', 'cd', 'curl', 'systemctl', 'docker',
  'docker-compose', 'git', 'chmod', 'chown', 'mkdir', 'yarn', 'pnpm', 'brew', 'ssh', 'scp',
  'wget', 'tar', 'ls', 'rm', 'cp', 'mv', 'kubectl', 'gcloud', 'aws', 'az', 'cargo', 'rustup',
  'go', 'cat', 'grep', 'sed', 'awk', 'source', 'touch', 'ln', 'service', 'kill', 'ps', 'uname',
  'which', 'bundle', 'rails', 'mvn', 'dotnet', 'helm', 'terraform', 'openssl', 'rsync', 'nohup',
  'crontab', 'unzip', 'tail', 'head', 'xargs', 'find', 'pwd', 'whoami', 'chgrp', 'useradd',
  'usermod', 'journalctl', 'dnf', 'yum', 'apk', 'snap', 'pipx', 'poetry', 'uv', 'conda', 'gem',
  'deno', 'bun', 'minikube', 'podman', 'nvm', 'sdk', 'gh', 'ufw', 'iptables', 'dig', 'nslookup',
  'ping', 'df', 'du', 'free', 'env', 'printenv', 'exec', 'eval', 'trap', 'shift', 'umask', 'ulimit',
]);

const PY_KEYWORD_LINES = new Set(['else:', 'try:', 'finally:', 'pass', 'continue', 'break']);

/**
 * The language of an unfenced code block, or null when it is not clear.
 *
 * `hint` is the article's meta `code language` (any spelling `canonicalLanguage` reads): it is
 * returned (canonical) unless the block carries clear marks of another language.
 */
export function detectLanguage(lines: readonly string[], hint?: string | null): string | null {
  const tally = score(lines);
  const hinted = hint ? hintLanguage(hint) : null;
  if (hinted !== null && hintFits(tally.sum, hinted)) return hinted;
  return decide(tally);
}

/**
 * The points each language got from `lines`, highest first (languages with none left out): what
 * `detectLanguage` decides from, for tests and for tuning.
 */
export function languageScores(lines: readonly string[]): Array<[string, number]> {
  const scores = score(lines).sum;
  const out: Array<[string, number]> = [];
  for (let i = 0; i < COUNT; i++) if (scores[i]! > 0) out.push([LANGS[i]!, scores[i]!]);
  return out.sort((a, b) => b[1] - a[1]);
}

/** The first name in a hint (`python`, `Python 3`, `go, bash`) that is a language name. */
function hintLanguage(hint: string): string | null {
  const whole = hint.trim().toLowerCase();
  if (NOT_A_LANGUAGE.has(whole)) return null;
  const first = whole.split(/[\s,/;|()]+/, 1)[0] ?? '';
  if (first.length === 1 && first !== 'c' && first !== 'r' && first !== 'd') return null;
  const name = canonicalLanguage(first);
  return name === null || NOT_A_LANGUAGE.has(name) ? null : name;
}

/** Meta values that name no language. */
const NOT_A_LANGUAGE = new Set([
  'n/a', 'na', 'none', 'null', 'nil', '-', '--', 'unknown', 'various', 'mixed', 'multiple', 'any', 'other',
  'plaintext', 'text', 'code', 'tbd',
]);

function hintFits(scores: Float64Array, hinted: string): boolean {
  const family = HINT_FAMILY[hinted];
  const index = IDX.get(hinted);
  const own = index === undefined ? 0 : scores[index]!;
  for (let i = 0; i < COUNT; i++) {
    if (i === index) continue;
    const other = scores[i]!;
    if (other < CONTRADICTS || other <= own) continue;
    if (family !== undefined && family.includes(LANGS[i]!)) continue;
    return false;
  }
  return true;
}

/** Languages named on many small marks rather than one clear one, each checked by its shape. */
const NO_PEAK_NEEDED = new Set([YAML, TOML, INI, JSON_, CSS, SCSS, LESS, HTML, XML]);
/** A block of n lines must have 1 + n / LINES_PER_HIT lines with evidence for the winner. */
const LINES_PER_HIT = 15;
/** A line giving this many points is a mark of that language alone. */
const UNIQUE_MARK = 8;
/** Otherwise a language is named only when one line gave it at least this. */
const MIN_PEAK = 3;

/** Why `detectLanguage` (without a hint) names a language or not: for tests and tuning. */
export function explainLanguage(lines: readonly string[]): string {
  const reasons: string[] = [];
  const name = decide(score(lines), reasons);
  return `${name ?? 'null'}: ${reasons.join('; ')}`;
}

function decide(tally: Tally, why?: string[]): string | null {
  const scores = D_SUM;
  const peak = D_PEAK;
  const hits = D_HITS;
  scores.set(tally.sum);
  peak.set(tally.peak);
  hits.set(tally.hits);
  for (let k = 0; k < EXTENDS.length; k += 2) {
    const base = EXTENDS[k]!;
    const ext = EXTENDS[k + 1]!;
    if (scores[ext]! > 0) {
      scores[ext]! += scores[base]!;
      peak[ext] = Math.max(peak[ext]!, peak[base]!);
      hits[ext]! += hits[base]!;
      scores[base] = 0;
    }
  }
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < COUNT; i++) {
    if (scores[i]! > bestScore) {
      bestScore = scores[i]!;
      best = i;
    }
  }
  let second = 0;
  for (let i = 0; i < COUNT; i++) {
    if (i !== best && scores[i]! > second && SIBLING[i] !== best) second = scores[i]!;
  }
  const needHits = 1 + Math.floor(tally.codeLines / LINES_PER_HIT);
  why?.push(`best ${best < 0 ? '-' : LANGS[best]} ${bestScore} (peak ${peak[best] ?? 0}, ${hits[best] ?? 0}/${needHits} lines), runner-up ${second}`);
  if (best < 0 || best === OTHER || bestScore < MIN_SCORE || bestScore < second * MARGIN) return null;
  // Markup with template marks is a template language, which is not named.
  if ((best === HTML || best === XML) && scores[OTHER]! > 0) return null;
  if (NO_PEAK_NEEDED.has(best)) return LANGS[best]!; // decided by shape checks in score()
  if (peak[best]! < MIN_PEAK) return null;
  // One clear line in a long block of something else is not enough: the evidence must recur,
  // unless it is a mark no other language has (`package main`, `<?php`, `defmodule`).
  if (hits[best]! < needHits && peak[best]! < UNIQUE_MARK) return null;
  return LANGS[best]!;
}

/** Points per language, and the most one line gave it (a single clear mark). */
interface Tally {
  readonly sum: Float64Array;
  readonly peak: Float64Array;
  /** How many lines gave each language points. */
  readonly hits: Uint16Array;
  /** The last line that gave each language points (+1), to count hits once a line. */
  readonly seen: Uint16Array;
  /** The line being scored (+1). */
  line: number;
  /** Non-blank lines scored. */
  codeLines: number;
}

function add(s: Tally, lang: number, points: number): void {
  s.sum[lang] = s.sum[lang]! + points;
  if (points > s.peak[lang]!) s.peak[lang] = points;
  if (s.seen[lang] !== s.line) {
    s.seen[lang] = s.line;
    s.hits[lang] = s.hits[lang]! + 1;
  }
}

function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Where the first word ends: at a space or one of `({[:;=,"'<` (not at index 0). */
function firstWordEnd(t: string): number {
  const n = t.length;
  for (let i = 1; i < n; i++) {
    const c = t.charCodeAt(i);
    // space tab ( { [ : ; = , " ' <
    if (c === 32 || c === 9 || c === 40 || c === 123 || c === 91 || c === 58 || c === 59 || c === 61 || c === 44 || c === 34 || c === 39 || c === 60) return i;
  }
  return n;
}

const SHEBANG: ReadonlyArray<readonly [string, number]> = [
  ['python', PY], ['node', JS], ['bash', BASH], ['zsh', BASH], ['/sh', BASH], [' sh', BASH], ['ruby', RB],
  ['perl', PERL], ['php', PHP], ['lua', LUA], ['deno', TS], ['ts-node', TS], ['Rscript', R], ['elixir', EX],
  ['pwsh', PS],
];

const RE_YAML_KEY = /^(?:- )?["']?[A-Za-z_$][\w.$/-]*["']?:(?: |$)/;
const RE_RUST_TYPE = /: &?(?:mut |'\w+ )?(?:[iu](?:8|16|32|64|128|size)\b|f32\b|f64\b|str\b|Self\b|Vec<|Box<|Option<|Result<|HashMap<|Rc<|Arc<|impl )/;
const RE_RUST_CLOSURE = /(?:\(|, |= |move )\|[\w, &:()]*\| /;
const RE_TS_TYPED = /^(?:const|let|var) \w+: (?:string|number|boolean|any|unknown|object|bigint|symbol|never)(?:\[\])? = /;
const RE_CPP_STD = /std::(?:cout|cin|cerr|endl|vector|string|map|unordered_map|set|unique_ptr|shared_ptr|make_unique|make_shared|move|array|pair|size_t|optional|function|thread|mutex|sort|begin|end|chrono|filesystem|ostream|istream|ifstream|ofstream)\b/;
const RE_RUST_STD = /std::[a-z_]+::/;
const RE_GO_IMPORT = /^import (?:\w+ )?"[\w./-]+"$/;
const RE_HEREDOC = /<<-?\s?['"]?([A-Z_]{2,})['"]?/;
const RE_BLOCK_SCALAR = /: [|>][-+]?$/;
const RE_CARGO_DEP = /^[\w-]+ = \{ ?(?:version|path|git|workspace) = /;
const RE_KEBAB_KEY = /^[a-z]\w*-[\w-]* = /;
const RE_TOML_SECTION = /^\[\[?[A-Za-z0-9_][\w.\- "']*\]\]?$/;
const RE_TOML_KEY = /^[A-Za-z0-9_][\w.-]* = (?:"|'|\[|\{|true$|false$|-?\d)/;
const RE_INI_KEY = /^[A-Za-z0-9_][\w.-]*\s?=\s?[^=\s]/;
const RE_CSS_PROP = /^(-{0,2}[a-z][a-z-]*)\s*:\s*[^;{}]+;$/;
const RE_HASKELL_SIG = /^[a-z_][\w']* :: \S/;
const RE_RUST_MACRO = /[a-z_]![([]/;
const RE_PS_CMDLET = /^[A-Z][a-z]+-[A-Z][A-Za-z]+(?: |$)/;
const RE_UPPER_ASSIGN = /^[A-Z_][A-Z0-9_]* *(?:\?=|\+=|:=|=)/;
const RE_DOCKER_IMAGE = /^FROM (?:--platform=\S+ )?[\w./:@${}-]+(?: AS \w[\w-]*)?$/i;
const RE_HCL_BLOCK = /^(?:resource|data|provider|variable|output|module)(?: "[^"]*"){1,2} \{$/;
const RE_MAKE_TARGET = /^[\w./$()%-][\w./$()% -]*:(?: |$)/;
const RE_SHELL_PROMPT = /^\$ [A-Za-z./~_-]/;
const RE_HTTP_REQUEST = /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS) \S+ HTTP\/\d/;
const RE_PROTO_FIELD = /^(?:repeated |optional |required )?[A-Za-z][\w.]* [a-z_]\w* = \d+(?: \[[^\]]*\])?;$/;
const RE_VB_DIM = /^Dim \w+ As /;
const RE_PHP_VAR = /\$[A-Za-z_]\w*(?:->\w|(?:\[[^\]]*\])? ?=[^=]|;)/;
const RE_PHP_FUNCTION = /^(?:public|private|protected|static|final|abstract) [a-z ]*function /;

/** Points per language, from at most SAMPLE_LINES lines (blank lines skipped). */
/** The line being scored, with what every rule looks at (one object, reused). */
interface Line {
  raw: string;
  /** The line trimmed (and cut to LONG_LINE). */
  t: string;
  /** Char codes of its first and last characters. */
  f: number;
  last: number;
  semi: boolean;
  brace: boolean;
  indented: boolean;
  /** Its first word (see firstWordEnd) and the char code after it (NaN at the end). */
  w: string;
  next: number;
  /** The first word is followed by a space or ends the line. */
  spaced: boolean;
  i: number;
  /** Which of a few telling characters the line has (COLON, DOT, …): gates the `includes`. */
  mask: number;
}

const COLON = 1, DOT = 2, DOLLAR = 4, BANG = 8, AMP = 16, PIPE = 32, LT = 64, GT = 128, EQ = 256;
const LPAREN = 512, LBRACE = 1024, PERCENT = 2048, BACKSLASH = 4096, HASH = 8192, UNDERSCORE = 16384;
const SLASH = 32768, TILDE = 65536;

function charMask(t: string): number {
  let m = 0;
  for (let i = 0; i < t.length; i++) {
    switch (t.charCodeAt(i)) {
      case 58: m |= COLON; break;
      case 46: m |= DOT; break;
      case 36: m |= DOLLAR; break;
      case 33: m |= BANG; break;
      case 38: m |= AMP; break;
      case 124: m |= PIPE; break;
      case 60: m |= LT; break;
      case 62: m |= GT; break;
      case 61: m |= EQ; break;
      case 40: m |= LPAREN; break;
      case 123: m |= LBRACE; break;
      case 37: m |= PERCENT; break;
      case 92: m |= BACKSLASH; break;
      case 35: m |= HASH; break;
      case 95: m |= UNDERSCORE; break;
      case 47: m |= SLASH; break;
      case 126: m |= TILDE; break;
    }
  }
  return m;
}

const LINE: Line = { raw: '', t: '', f: 0, last: 0, semi: false, brace: false, indented: false, w: '', next: 0.5, spaced: false, i: 0, mask: 0 };

/** What a block's lines add up to besides points: counts for the shape checks, open data spans. */
interface Block {
  firstCode: number;
  lastCode: number;
  codeLines: number;
  semicolonLines: number;
  tomlSections: number;
  tomlKeys: number;
  iniKeys: number;
  yamlKeys: number;
  yamlShaped: number;
  yamlBroken: boolean;
  topKeys: Set<string>;
  makeTargets: number;
  makeAssigns: number;
  continuations: number;
  commentLines: number;
  tagLines: number;
  /** The terminator of an open shell here-document, whose lines are data. */
  heredoc: string | null;
  /** Inside a Python docstring (its lines are prose) closed by `docstring`. */
  inDocstring: boolean;
  docstring: string;
  /** Indentation of a YAML key whose value is a block scalar (`run: |`): deeper lines are its text. */
  scalarIndent: number;
  /** SHELL or PY when the block opens with a prompt: it is a session, other lines are output. */
  session: number;
  /** After a make target: tab-indented lines are its recipe. */
  inRecipe: boolean;
}

const BLOCK: Block = {
  firstCode: -1, lastCode: -1, codeLines: 0, semicolonLines: 0, tomlSections: 0, tomlKeys: 0, iniKeys: 0,
  yamlKeys: 0, yamlShaped: 0, yamlBroken: false, topKeys: new Set(), makeTargets: 0, makeAssigns: 0,
  continuations: 0, commentLines: 0, tagLines: 0, heredoc: null, inDocstring: false, docstring: '"""',
  scalarIndent: -1, session: 0, inRecipe: false,
};

function resetBlock(b: Block): Block {
  b.firstCode = -1;
  b.lastCode = -1;
  b.codeLines = 0;
  b.semicolonLines = 0;
  b.tomlSections = 0;
  b.tomlKeys = 0;
  b.iniKeys = 0;
  b.yamlKeys = 0;
  b.yamlShaped = 0;
  b.yamlBroken = false;
  if (b.topKeys.size > 0) b.topKeys.clear();
  b.makeTargets = 0;
  b.makeAssigns = 0;
  b.continuations = 0;
  b.commentLines = 0;
  b.tagLines = 0;
  b.heredoc = null;
  b.inDocstring = false;
  b.docstring = '"""';
  b.scalarIndent = -1;
  b.session = 0;
  b.inRecipe = false;
  return b;
}

const TALLY: Tally = {
  sum: new Float64Array(COUNT), peak: new Float64Array(COUNT), hits: new Uint16Array(COUNT), seen: new Uint16Array(COUNT), line: 0, codeLines: 0,
};

function score(lines: readonly string[]): Tally {
  // One tally and one block state, reused: a call allocates next to nothing (this runs per block).
  const s = TALLY;
  s.sum.fill(0);
  s.peak.fill(0);
  s.hits.fill(0);
  s.seen.fill(0);
  s.line = 0;
  s.codeLines = 0;
  const count = Math.min(lines.length, SAMPLE_LINES);
  const b = resetBlock(BLOCK);
  const l = LINE;

  for (let i = 0; i < count; i++) {
    const raw = lines[i]!;
    const full = raw.length > LONG_LINE ? raw.slice(0, LONG_LINE) : raw;
    const t = full.trim();
    if (t.length === 0) continue;
    b.codeLines++;
    s.line = i + 1;
    if (b.firstCode < 0) b.firstCode = i;
    b.lastCode = i;
    const f = t.charCodeAt(0);
    const last = t.charCodeAt(t.length - 1);

    // ---- lines that are data, not code: scored by what holds them, not by their content ------
    if (b.heredoc !== null) {
      if (t === b.heredoc) b.heredoc = null;
      continue;
    }
    if (b.inDocstring) {
      if (t.includes(b.docstring)) b.inDocstring = false;
      continue;
    }
    if (b.scalarIndent >= 0) {
      if (indentOf(raw) > b.scalarIndent) {
        b.yamlShaped++;
        continue;
      }
      b.scalarIndent = -1;
    }
    if (b.inRecipe) {
      // A make recipe: tab-indented shell lines after a target. Shell marks there are make's.
      if (raw.charCodeAt(0) === 9) {
        add(s, MAKE, 1);
        continue;
      }
      b.inRecipe = false;
    }
    if (b.session !== 0) {
      // After a `$ ` (or `>>> `) prompt on the first line, a line without one is output.
      const prompt = b.session === SHELL ? RE_SHELL_PROMPT.test(t) || t.startsWith('> ') : t.startsWith('>>>') || t.startsWith('...');
      if (!prompt) {
        b.commentLines++; // output is neutral: it does not dilute the evidence either
        continue;
      }
    } else if (b.codeLines === 1) {
      if (RE_SHELL_PROMPT.test(t)) b.session = SHELL;
      else if (t.startsWith('>>> ')) b.session = PY;
    }

    const semi = last === 59; // ;
    const brace = last === 123; // {
    if (semi) b.semicolonLines++;
    const indented = raw.charCodeAt(0) === 32 || raw.charCodeAt(0) === 9;
    const we = firstWordEnd(t);
    const w = t.slice(0, we);
    const next = t.charCodeAt(we); // NaN at the end
    const spaced = next === 32 || we === t.length; // first word then a space or nothing

    l.mask = charMask(t);
    l.raw = raw;
    l.t = t;
    l.f = f;
    l.last = last;
    l.semi = semi;
    l.brace = brace;
    l.indented = indented;
    l.w = w;
    l.next = next;
    l.spaced = spaced;
    l.i = i;
    scoreMarks(s, l);
    scoreFirstChar(s, l, b);
    scoreFirstWord(s, l, b);
    scoreShapes(s, l, b, lines);
  }

  if (b.firstCode >= 0) scoreWholeBlock(lines, b.firstCode, b.lastCode, s);
  if (b.tomlSections > 0) {
    add(s, TOML, 2.5 * b.tomlSections + 2 * b.tomlKeys);
    add(s, INI, 2.5 * b.tomlSections + 1.5 * b.iniKeys);
  }
  const sum = s.sum;
  if (b.makeTargets > 0) add(s, MAKE, 1 + 2 * b.makeAssigns);
  // Line continuations are shell-like, but many command languages use them: a little, once.
  if (b.continuations > 0 && sum[BASH]! > 0) add(s, BASH, Math.min(b.continuations, 2) * 0.5);
  // Python, YAML and Go do not end lines with `;`: a block that mostly does is none of them.
  if (b.semicolonLines * 2 > b.codeLines) {
    sum[PY] = sum[PY]! * 0.25;
    sum[YAML] = sum[YAML]! * 0.25;
    sum[GO] = sum[GO]! * 0.5;
    sum[RB] = sum[RB]! * 0.5;
  }
  // YAML: more than one key line, most lines of its shape, no top-level key twice and no line
  // YAML cannot have (`> quoted`).
  if (b.yamlKeys < 2 || b.yamlBroken || b.yamlShaped < b.codeLines * 0.75) sum[YAML] = Math.min(sum[YAML]!, 1);
  // HTML / XML: markup is mostly lines of tags.
  if (b.tagLines * 5 < b.codeLines * 2) {
    sum[HTML] = Math.min(sum[HTML]!, 2);
    sum[XML] = Math.min(sum[XML]!, 2);
  }
  s.codeLines = b.codeLines - b.commentLines;
  return s;
}



function scoreMarks(s: Tally, l: Line): void {
  const { t, f, last, semi, mask: m } = l;
  // Each group of `includes` runs only when the line has the character it needs.
  if ((m & COLON) !== 0) {
    if (t.includes('::')) {
      if (t.includes('std::')) {
        if (RE_CPP_STD.test(t)) add(s, CPP, 4);
        else if (RE_RUST_STD.test(t)) add(s, RS, 3);
      } else if (RE_HASKELL_SIG.test(t)) add(s, t.includes(' !') ? OTHER : HS, 4); // Clean: `f :: !Int -> Int`
      else if (t.includes('::new(') || t.includes('::<')) add(s, RS, 3);
      else if (t.includes('::class') || t.includes('self::') || t.includes('parent::')) add(s, PHP, 3);
      if (t.includes(':: proc') || t.includes(':: struct')) add(s, OTHER, 10); // Odin
    }
    if ((m & EQ) !== 0 && t.includes(':=')) {
      if (t.includes(':= range ')) add(s, GO, 5);
      else if (!semi && !isUpper(f) && !t.includes(':=>') && !t.startsWith('set ')) add(s, GO, 2);
    }
    if (t.includes(': ')) {
      if (RE_RUST_TYPE.test(t)) add(s, RS, 3);
      if (t.includes(': string') || t.includes(': number') || t.includes(': boolean') || t.includes('): void') || t.includes(': any') || t.includes(': unknown')) add(s, TS, 3);
    }
    if ((m & BACKSLASH) !== 0 && t.includes(':\\')) add(s, DOS, 2); // C:\
  }
  if ((m & DOT) !== 0) {
    if (t.includes('fmt.')) add(s, GO, 4);
    if (t.includes('.unwrap()')) add(s, RS, 5);
    else if (t.includes('.collect::<') || t.includes('.into_iter()')) add(s, RS, 4);
    else if (t.includes('.iter()') || t.includes('String::from(') || t.includes('.to_owned()')) add(s, RS, 2);
    if (t.includes('System.out.') || t.includes('System.err.')) add(s, JAVA, 8);
    if (t.includes('Console.Write') || t.includes('Console.Read')) add(s, CS, 8);
    if (t.includes('console.log(') || t.includes('console.error(') || t.includes('module.exports') || t.includes('document.getElement') || t.includes('addEventListener(')) add(s, JS, 5);
    if (t.includes('window.') || t.includes('document.')) add(s, JS, 2);
    if (t.includes('process.env') || t.includes('JSON.stringify(')) add(s, JS, 3);
    if (t.includes('self.')) {
      add(s, PY, 2);
      add(s, SWIFT, 0.5);
    }
    if (t.includes('.each do') || t.includes('.each {')) add(s, RB, 4);
    if (t.includes('IO.puts') || t.includes('IO.inspect') || t.includes('Enum.')) add(s, EX, 4);
  }
  if ((m & BANG) !== 0) {
    if (t.includes('err != nil')) add(s, GO, 6);
    if (t.includes('println!') || t.includes('format!(')) add(s, RS, 5);
    else if ((m & DOLLAR) === 0 && RE_RUST_MACRO.test(t)) add(s, RS, 2);
    if ((m & EQ) !== 0 && t.includes('!==') && (m & DOLLAR) === 0) add(s, JS, 2);
  } else if ((m & EQ) !== 0 && (m & DOLLAR) === 0 && t.includes('===')) add(s, JS, 2);
  if ((m & AMP) !== 0) {
    if (t.includes('&mut ')) add(s, RS, 5);
    if (t.includes("&'")) add(s, RS, 3);
    if (t.includes('&self')) add(s, RS, 4);
    if (t.includes('2>&1')) add(s, BASH, 3);
  }
  if ((m & PIPE) !== 0) {
    if (RE_RUST_CLOSURE.test(t)) add(s, RS, 2);
    if (t.includes(' do |')) add(s, RB, 4);
    if (t.includes('|>')) {
      add(s, EX, 1);
      add(s, FS, 0.5);
      add(s, ELM, 0.5);
    }
    if (t.includes('| Where-Object') || t.includes('| ForEach-Object')) add(s, PS, 6);
    if (t.includes('| grep ') || t.includes('| xargs')) add(s, BASH, 3);
  }
  if ((m & LPAREN) !== 0) {
    if (t.endsWith(')?;') || t.includes('Box::new(')) add(s, RS, 3);
    if (t.includes('require(') && (t.includes("require('") || t.includes('require("')) && (t.startsWith('const ') || t.startsWith('var ') || t.startsWith('let ') || t.startsWith('import '))) add(s, JS, 4);
    if (t.includes('new Promise(')) add(s, JS, 3);
    if (t.includes('malloc(') || t.includes('sizeof(')) add(s, C, 3);
    if ((m & DOLLAR) === 0 && t.includes('printf(') && !t.includes('fmt.')) add(s, C, 2);
    if (t.includes('ipairs(') || t.includes('pairs(') || t.includes('setmetatable(')) add(s, LUA, 4);
    if (t.includes('NSLog(')) add(s, OBJC, 6);
  }
  if ((m & LBRACE) !== 0) {
    if (t.includes('{ get;')) add(s, CS, 6);
    if ((m & EQ) !== 0 && (m & GT) !== 0 && (m & DOLLAR) === 0 && t.includes('=> {')) add(s, JS, 1);
    if (t.includes('#{')) {
      add(s, RB, 1);
      add(s, EX, 0.5);
    }
    if (t.includes('{:ok,')) add(s, EX, 4);
    if (t.includes('{{') || t.includes('{%')) add(s, OTHER, 3);
  }
  if ((m & LT) !== 0) {
    if (t.includes('Promise<')) add(s, TS, 3);
    if (t.includes('<%')) add(s, OTHER, 3);
    if (t.includes(' <- ')) {
      if (t.includes('<- function(')) add(s, R, 6);
      else if (t.includes('<- c(')) add(s, R, 4);
      else {
        add(s, R, 1);
        add(s, HS, 0.5);
      }
    }
    if (t.includes('cout <<') || t.includes('unique_ptr<') || t.includes('shared_ptr<')) add(s, CPP, 5);
    if (t.includes('<nixpkgs>')) add(s, NIX, 8);
  }
  if ((m & GT) !== 0 && (t.includes('cin >>') || t.includes('>/dev/null') || t.includes('> /dev/null'))) add(s, t.includes('cin >>') ? CPP : BASH, t.includes('cin >>') ? 5 : 3);
  if ((m & UNDERSCORE) !== 0 && (t.includes('__name__') || t.includes('__init__') || t.includes('__main__'))) add(s, PY, 5);
  if ((m & DOLLAR) !== 0) {
    if (t.includes('$this->')) add(s, PHP, 6);
    else if (semi || t.includes('->')) {
      if (t.includes('->{') || t.includes('@_') || t.includes('$_')) add(s, PERL, 3);
      else if (/^(?:string|int|float|vector|matrix) \$/.test(t)) add(s, OTHER, 2); // MEL
      else if (RE_PHP_VAR.test(t)) {
        add(s, PHP, 2);
        add(s, PERL, 0.5);
      }
    }
    if (t.includes('foreach (') && t.includes(' as $')) add(s, PHP, 5);
    if (t.includes('$env:')) add(s, PS, 6);
  }
  if ((m & EQ) !== 0 && (m & TILDE) !== 0) {
    if (t.includes('=~')) {
      add(s, PERL, 2);
      add(s, RB, 1);
    }
    if (t.includes(' ~= ')) add(s, LUA, 2);
  }
  if ((m & COLON) !== 0 && (t.includes(' do:') || t.includes(', do:'))) add(s, EX, 3);
  if ((m & BACKSLASH) !== 0 && t.includes('\\(') && t.includes('"')) add(s, SWIFT, 2);
  if ((m & PERCENT) !== 0) {
    if (t.includes('%>%') || t.includes('%in%')) add(s, R, 5);
    if (/%\w+%/.test(t)) add(s, DOS, 2); // %VAR%
  }
  if (t.includes('nullptr')) add(s, CPP, 5);
  if (t.includes('async Task')) add(s, CS, 6);
  if (t.includes('Write-Host ') || t.includes('Write-Output ')) add(s, PS, 6);
  if (t.includes('NSString') || t.includes('alloc] init')) add(s, OBJC, 6);
  if ((m & EQ) !== 0 && (m & GT) !== 0 && t.includes('ensure ') && /ensure +=>/.test(t)) add(s, PUPPET, 6);
  else if (last === 58 && (m & LBRACE) !== 0 && /^[a-z]\w* \{ ['"$]/.test(t)) add(s, PUPPET, 4); // exec { "name":
  if (t.includes('mkDerivation')) add(s, NIX, 8);
}

function scoreFirstChar(s: Tally, l: Line, b: Block): void {
  const { t, f, semi, brace, w, next } = l;
  // ---- the first character -------------------------------------------------------------
  switch (f) {
    case 35: { // #
      if (t.startsWith('#!')) {
        for (const [needle, lang] of SHEBANG) {
          if (t.includes(needle)) {
            add(s, lang, 10);
            break;
          }
        }
      } else if (t.startsWith('#include')) {
        const lib = t.slice(8).trim();
        if (/^<[a-z_]+>$/.test(lib) || lib.endsWith('.hpp>') || lib.endsWith('.hpp"')) add(s, CPP, 7);
        else if (lib.endsWith('.h>') || lib.endsWith('.h"')) add(s, C, 5);
      } else if (t.startsWith('#import')) {
        if (t.startsWith('#import <') || t.startsWith('#import "')) add(s, OBJC, t.includes('Foundation') || t.includes('UIKit') ? 8 : 4);
      } else if (w === '#define' || w === '#ifndef' || w === '#ifdef' || w === '#endif' || w === '#undef') {
        add(s, C, 3);
      } else if (t.startsWith('#[')) {
        add(s, RS, 5);
      } else if (w === '#region' || w === '#endregion') {
        add(s, CS, 6);
      } else if (t.startsWith("#'")) {
        add(s, R, 3);
      }
      break;
    }
    case 64: { // @
      if (w === '@media' || w === '@font-face' || w === '@keyframes' || w === '@charset' || w === '@supports') add(s, CSS, 5);
      else if (w === '@import') {
        add(s, CSS, 2);
      } else if (w === '@mixin' || w === '@include' || w === '@extend' || w === '@use' || w === '@each' || w === '@function' || w === '@if' || w === '@else') add(s, SCSS, 5);
      else if (w === '@interface' || w === '@implementation' || w === '@end' || w === '@property' || w === '@synthesize' || w === '@protocol') add(s, OBJC, 5);
      else if (w === '@moduledoc' || w === '@doc' || w === '@spec' || w === '@impl' || w === '@behaviour') add(s, EX, 5);
      else if (w === '@Override' || w === '@Autowired' || w === '@SpringBootApplication' || w === '@RestController') add(s, JAVA, 4);
      else if (w === '@override') add(s, DART, 5);
      else if (w === '@IBOutlet' || w === '@IBAction' || w === '@State' || w === '@Published' || w === '@objc' || w === '@main' || w === '@MainActor') add(s, SWIFT, 6);
      else if (w.toLowerCase() === '@echo') add(s, DOS, 8);
      else if (w.toLowerCase() === '@rem') add(s, DOS, 4);
      else if (next === 58 /* : */ && t.endsWith(';')) add(s, LESS, 5); // @var: value;
      else if (isLower(t.charCodeAt(1)) && t.length > 2 && !t.includes(' = ') && (t.includes('.') || t.includes('('))) add(s, PY, 2); // @app.get(...)
      else if (isLower(t.charCodeAt(1)) && t.includes(' = ')) add(s, RB, 0.5); // @name = name
      break;
    }
    case 36: { // $
      if (RE_SHELL_PROMPT.test(t)) add(s, SHELL, 4);
      else if (next === 58 /* : */ && semi) add(s, SCSS, 5); // $var: value;
      else if (t.startsWith('$ErrorActionPreference') || RE_PS_CMDLET.test(t.slice(t.indexOf('= ') + 2))) add(s, PS, 3);
      break;
    }
    case 60: { // <
      if (t.startsWith('<?php')) add(s, PHP, 10);
      else if (t.startsWith('<?xml')) add(s, XML, 10);
      else if (t.length > 9 && t.slice(0, 9).toLowerCase() === '<!doctype') add(s, HTML, t.toLowerCase().includes('html') ? 10 : 0);
      else if (t.startsWith('<!--')) {
        add(s, HTML, 1);
        add(s, XML, 1);
      } else {
        const close = t.charCodeAt(1) === 47; // </
        const start = close ? 2 : 1;
        let end = start;
        while (end < t.length) {
          const c = t.charCodeAt(end);
          if (c === 32 || c === 62 || c === 47 || c === 9) break; // space > /
          end++;
        }
        const tag = t.slice(start, end);
        if (tag.length > 0 && isIdentStart(tag.charCodeAt(0)) && (t.includes('>') || t.includes('="'))) {
          if (tag === 'VirtualHost' || tag === 'Directory' || tag === 'IfModule' || tag === 'Location' || tag === 'Files') add(s, APACHE, 5);
          else if (HTML_TAGS.has(tag)) add(s, HTML, close ? 2 : 3);
          if (/>\{[~#/@^]?\w|\{[~#/@^]\w/.test(t)) add(s, OTHER, 3); // {name} templates (Dust, Svelte)
          else if (/^[A-Za-z][\w.:-]*$/.test(tag)) add(s, XML, 2);
        }
      }
      break;
    }
    case 124: { // |
      if (t.includes(' => ') || t.includes(' -> ')) add(s, OTHER, 1.5); // ML-family match arms
      break;
    }
    case 91: { // [
      if (t.startsWith('[@')) add(s, OTHER, 3); // Reason / OCaml attributes
      if (RE_TOML_SECTION.test(t)) {
        b.tomlSections++;
        if (t.startsWith('[[')) add(s, TOML, 2);
      }
      break;
    }
    case 40: { // (
      if (t.startsWith('(defn ') || t.startsWith('(ns ') || t.startsWith('(let [') || t.startsWith('(require \'[')) add(s, CLJ, 6);
      else if (t.startsWith('(defun ') || t.startsWith('(defvar ') || t.startsWith('(defmacro ') || t.startsWith('(setq ')) add(s, LISP, 6);
      else if (t.startsWith('(define ') || t.startsWith('(lambda ')) add(s, SCHEME, 4);
      else if (t.startsWith('(def ')) add(s, CLJ, 2);
      break;
    }
    case 45: { // -
      if (t === '---') add(s, YAML, 2);
      else if (t.startsWith('--- a/') || t.startsWith('--- ') && t.includes('(revision')) add(s, DIFF, 5);
      else if (t.startsWith('-module(') || t.startsWith('-export(') || t.startsWith('-behaviour(') || t.startsWith('-include(')) add(s, ERL, 7);
      else if (t.startsWith('--[[')) add(s, LUA, 6);
      else if (t.startsWith('- (') || t.startsWith('-(')) add(s, OBJC, 3);
      break;
    }
    case 43: { // +
      if (t.startsWith('+++ b/') || t.startsWith('+++ ') && t.includes('(revision')) add(s, DIFF, 5);
      break;
    }
    case 123: { // {
      if (t.startsWith('{-#')) add(s, HS, 6);
      break;
    }
    case 92: { // backslash
      if (w === '\\documentclass' || w.startsWith('\\usepackage')) add(s, TEX, 8);
      else if (t.startsWith('\\begin{') || t.startsWith('\\section{') || t.startsWith('\\end{')) add(s, TEX, 3);
      break;
    }
    case 46: { // .
      if (t.startsWith('.PHONY')) add(s, MAKE, 8);
      else if (brace && isIdentStart(t.charCodeAt(1))) add(s, CSS, 2); // .class {
      break;
    }
    case 62: { // >
      if (t.startsWith('>>> ') || t === '>>>') add(s, PY, 3);
      break;
    }
    case 37: { // %
      if (t.startsWith('%%')) add(s, ERL, 1);
      else if (isIdentStart(t.charCodeAt(1))) add(s, OTHER, 2); // Haml %tag
      break;
    }
    case 38: { // &
      if (t.startsWith('&:') || t.startsWith('&.') || t.startsWith('& ')) add(s, SCSS, 2);
      break;
    }
  }

}

function scoreFirstWord(s: Tally, l: Line, b: Block): void {
  const { t, last, semi, brace, w, next } = l;
  // ---- the first word ------------------------------------------------------------------
  switch (w) {
    // python
    case 'def': {
      if (last === 58 /* : */ && t.includes('(')) add(s, PY, 5);
      else if ((last === 44 || last === 40) && !t.includes(')')) add(s, PY, 3); // def f(a,
      else if (t.endsWith(' do') || t.includes(' do:')) add(s, EX, 4);
      else if (/\(@?\w+ : [A-Z]/.test(t)) add(s, CRYSTAL, 4);
      else if (t.includes('): ') && t.includes(' = ')) add(s, SCALA, 2);
      else if (!t.includes('{') && !t.includes('=')) add(s, RB, 3);
      else if (t.includes(' = ') || t.includes('=')) add(s, SCALA, 1);
      break;
    }
    case 'async':
      if (t.startsWith('async def ')) add(s, PY, 6);
      else if (t.startsWith('async function')) add(s, JS, 4);
      else if (t.startsWith('async fn ')) add(s, RS, 6);
      break;
    case 'elif':
      if (t.includes('[') && t.endsWith('then')) add(s, BASH, 4);
      else if (last === 58) add(s, PY, 5);
      break;
    case 'from':
      if (t.includes(' import ')) add(s, PY, 6);
      else add(s, SQL, 1);
      break;
    case 'except':
      if (last === 58) add(s, PY, 5);
      break;
    case 'with':
    case 'while':
      if (last === 58) add(s, PY, 3);
      break;
    case 'raise':
      if (t.includes('(')) add(s, PY, 2);
      else add(s, RB, 2);
      break;
    case 'lambda':
    case 'nonlocal':
    case 'global':
      add(s, PY, 2);
      break;
    case 'print':
      if (next === 40 && !semi) add(s, PY, 1);
      break;
    case 'import':
      scoreImport(t, s);
      break;
    case 'class':
      if (last === 58 /* : */) add(s, PY, 5);
      else if (/^class [A-Z][\w:]* < [A-Z]/.test(t)) add(s, RB, 4);
      else if (/^class [A-Z]\w*$/.test(t)) add(s, RB, 1);
      else if (t.includes(' : ') && brace) {
        add(s, CS, 1);
        add(s, CPP, 1);
      }
      break;
    case 'for':
      if (last === 58 && t.includes(' in ')) add(s, PY, 4);
      else if (t.includes(':= range')) add(s, GO, 1);
      else if (t.endsWith(' do')) {
        if (t.includes('pairs(')) add(s, LUA, 2);
        else if (t.includes('; do')) add(s, BASH, 4);
        else add(s, LUA, 1);
      } else if (t.includes(' <- ')) add(s, SCALA, 1);
      break;
    case 'if':
      if (t.startsWith('if [') || t.startsWith('if test ')) add(s, BASH, 5);
      else if (t.startsWith('if exist ') || t.startsWith('if not exist ') || t.startsWith('if errorlevel ')) add(s, DOS, 4);
      else if (t.includes('err != nil')) add(s, GO, 1);
      else if (t.startsWith('if let Some(') || t.startsWith('if let Ok(')) add(s, RS, 4);
      else if (t.startsWith('if let ')) add(s, SWIFT, 3);
      else if (last === 58) add(s, PY, 3);
      else if (t.endsWith(' then') && !t.includes('[')) add(s, LUA, 1.5);
      break;
    case 'elseif':
      if (t.endsWith(' then')) add(s, LUA, 4);
      break;
    case 'local':
      if (t.startsWith('local function ')) add(s, LUA, 6);
      else if (t.includes(' = ')) add(s, LUA, 2);
      else if (/^local [A-Za-z_]\w*=/.test(t)) add(s, BASH, 4);
      break;
    case 'function':
      if (t.includes('($') || t.includes(', $')) {
        if (RE_PS_CMDLET.test(t.slice(9))) add(s, PS, 6);
        else add(s, PHP, 4);
      } else if (RE_PS_CMDLET.test(t.slice(9))) add(s, PS, 6);
      else if (/^function [A-Za-z_]\w*[.:]\w+\(/.test(t)) add(s, LUA, 4);
      else if (t.includes('::')) add(s, JULIA, 4);
      else if (brace) add(s, JS, 2);
      else if (t.endsWith(')')) {
        add(s, LUA, 1);
        add(s, JULIA, 1);
      }
      break;
    case 'end':
      if (t === 'end') {
        add(s, RB, 1);
        add(s, LUA, 1);
        add(s, EX, 1);
        add(s, JULIA, 0.5);
      }
      break;
    // ruby
    case 'puts':
      if (t.startsWith('puts [') || t.startsWith('puts $')) add(s, TCL, 3);
      else add(s, RB, 2);
      break;
    case 'require':
      if (next === 32 && (t.includes("'") || t.includes('"'))) {
        add(s, RB, 2);
        add(s, LUA, 1);
      } else if (next === 40 && !t.includes("'") && !t.includes('"') && !semi) add(s, R, 3);
      break;
    case 'require_relative':
    case 'attr_accessor':
    case 'attr_reader':
    case 'attr_writer':
      add(s, RB, 7);
      break;
    case 'gem':
      if (next === 32 && (t.includes("'") || t.includes('"'))) add(s, RB, 4);
      break;
    case 'module':
      if (t.endsWith(' where') || t.includes(' where')) add(s, HS, 6);
      else if (t.includes(' exposing ')) add(s, ELM, 8);
      else if (brace) add(s, TS, 2);
      else if (/^module [A-Z][\w:]*$/.test(t)) add(s, RB, 2);
      break;
    case 'elsif':
      if (t.includes('(') && brace) add(s, PERL, 3);
      else add(s, RB, 3);
      break;
    case 'unless':
      if (brace) add(s, PERL, 2);
      else add(s, RB, 2);
      break;
    case 'begin':
    case 'rescue':
    case 'ensure':
      if (!semi && !brace) add(s, RB, w === 'begin' ? 0.5 : 3);
      break;
    // go
    case 'package':
      if (t === 'package main') add(s, GO, 8);
      else if (/^package [a-z_]\w*$/.test(t)) add(s, GO, 3);
      else if (/^package [\w.]+;$/.test(t)) {
        add(s, JAVA, 4);
        add(s, PROTO, 1);
      } else if (t.includes('::') && /^package [A-Za-z][\w:]*;$/.test(t)) add(s, PERL, 6);
      else if (t.includes('.') && /^package [a-z][\w.]*$/.test(t)) {
        add(s, KT, 2);
        add(s, SCALA, 2);
      } else if (t.startsWith('package {')) add(s, PUPPET, 4);
      break;
    case 'func':
      if (t.startsWith('func (')) add(s, GO, 6);
      else if (t.includes('->') || /^func \w+(?:<[^>]*>)?\([a-z_]\w*:/.test(t) || /^func \w+\(_ /.test(t)) add(s, SWIFT, 5);
      else add(s, GO, 4);
      break;
    case 'defer':
      if (brace) add(s, SWIFT, 2);
      else add(s, GO, 3);
      break;
    case 'go':
      if (t.startsWith('go func')) add(s, GO, 6);
      break;
    case 'type':
      if (/^type \w+ (?:struct|interface) \{$/.test(t) || /^type \w+ func\(/.test(t)) add(s, GO, 8);
      else if (/^type \w+(?:<[^>]*>)? = /.test(t) && (semi || brace || t.includes('|') || t.includes('{'))) add(s, TS, 4);
      else if (t.startsWith('type alias ')) add(s, ELM, 6);
      else if (/^type \w+ \{$/.test(t)) add(s, GQL, 3);
      else if (/^type \w+ (?:string|int|int64|bool|float64|\[\]\w+|map\[)/.test(t)) add(s, GO, 5);
      break;
    case 'var':
      if (t === 'var (') add(s, GO, 4);
      else if (/^var \w+ [\w*[\]]+$/.test(t)) add(s, GO, 2);
      else if (t.includes(' = ') && semi) {
        add(s, JS, 1);
        add(s, CS, 0.5);
      } else if (/^var \w+: [A-Z]/.test(t)) {
        add(s, SWIFT, 1);
        add(s, KT, 1);
      }
      break;
    case 'const':
      if (/^const [A-Za-z_$][\w$]* = /.test(t) || /^const \{[^}]*\} = /.test(t) || /^const \[[^\]]*\] = /.test(t)) {
        if (semi) add(s, JS, 2);
        else add(s, JS, 1);
      } else if (RE_TS_TYPED.test(t)) add(s, TS, 3);
      else if (/^const \w+: [&A-Z]/.test(t)) add(s, RS, 2);
      else if (t === 'const (') add(s, GO, 4);
      break;
    case 'let':
      if (t.startsWith('let mut ')) add(s, RS, 6);
      else if (RE_TS_TYPED.test(t) && semi) add(s, TS, 3);
      else if (t.startsWith('let rec ') || t.startsWith('let () =')) {
        add(s, ML, 2);
        add(s, FS, 2);
      } else if (semi && t.includes(' = ')) {
        add(s, JS, 1);
        add(s, RS, 1);
      } else if (!semi && /^let \w+ = /.test(t)) add(s, SWIFT, 0.5);
      break;
    // rust
    case 'fn':
      if (/^fn [a-z_]\w*(?:<[^>]*>)?\(/.test(t)) add(s, RS, 5);
      else if (t.includes('->')) add(s, EX, 2);
      break;
    case 'pub':
      if (/^pub(?:\([a-z]+\))? (?:fn|struct|enum|mod|trait|use|const|static|type|async fn|unsafe fn) /.test(t)) add(s, RS, 5);
      break;
    case 'impl':
      if (brace || t.startsWith('impl<')) add(s, RS, 5);
      break;
    case 'use':
      if (t.startsWith('use std::') || t.startsWith('use crate::') || t.startsWith('use super::')) add(s, RS, 7);
      else if (t === 'use strict;' || t === 'use warnings;' || /^use [A-Z][\w:]*(?: [^;]*)?;$/.test(t) && t.includes('::')) add(s, PERL, 7);
      else if (t.includes('::') && semi) add(s, RS, 4);
      else if (t.includes('\\') && semi) add(s, PHP, 5);
      else if (/^use [A-Z][\w.]*$/.test(t)) add(s, EX, 3);
      else if (t === "'use strict';" || t === '"use strict";') add(s, JS, 5);
      break;
    case 'mod':
      if (/^mod \w+(?:;| \{)$/.test(t)) add(s, RS, 4);
      break;
    case 'match':
      if (brace) add(s, RS, 2);
      else if (t.endsWith(' with')) {
        add(s, ML, 2);
        add(s, FS, 2);
      }
      break;
    case 'extern':
      if (t.startsWith('extern crate ')) add(s, RS, 8);
      else if (t.startsWith('extern "C" fn ')) add(s, RS, 5);
      else if (t.startsWith('extern "C"')) add(s, CPP, 3);
      break;
    case 'loop':
      if (t === 'loop {') add(s, RS, 3);
      break;
    case 'unsafe':
      if (brace || t.startsWith('unsafe fn ') || t.startsWith('unsafe impl')) add(s, RS, 4);
      break;
    case 'static':
      if (/^static (?:mut )?[A-Z_][A-Z0-9_]*: /.test(t)) add(s, RS, 3);
      break;
    case 'Some':
    case 'None':
    case 'Ok':
    case 'Err':
    case '_':
      if (t.includes(' => ')) add(s, RS, 2);
      break;
    case 'trait':
      add(s, RS, 1);
      add(s, SCALA, 1);
      break;
    // java / c# / c++ / kotlin / swift / scala
    case 'public':
    case 'private':
    case 'protected':
    case 'internal':
      scoreModifiers(t, s);
      break;
    case 'using':
      if (t.startsWith('using System')) add(s, CS, 8);
      else if (t === 'using namespace std;') add(s, CPP, 8);
      else if (/^using [A-Z][\w.]*;$/.test(t)) add(s, CS, 4);
      else if (t.startsWith('using (')) add(s, CS, 4);
      else if (/^using [A-Z][\w.]*$/.test(t)) add(s, JULIA, 2);
      break;
    case 'namespace':
      if (t.includes('\\')) add(s, PHP, 8);
      else if (/^namespace [A-Z][\w.]*(?: \{|;)?$/.test(t)) {
        add(s, CS, brace || semi ? 3 : 2);
        add(s, TS, 0.5);
      } else if (/^namespace [a-z_]\w*(?: \{)?$/.test(t)) add(s, CPP, 3);
      break;
    case 'template':
      if (t.startsWith('template <') || t.startsWith('template<')) add(s, CPP, 6);
      break;
    case 'int':
      if (t.startsWith('int main(')) add(s, C, 4);
      break;
    case 'typedef':
      add(s, C, 4);
      break;
    case 'fun':
      if (t.includes(' : ')) add(s, CRYSTAL, 4);
      else if (/^fun (?:<[^>]*> )?[\w.]+\(/.test(t)) add(s, KT, 5);
      break;
    case 'override':
    case 'suspend':
    case 'inline':
    case 'open':
    case 'abstract':
      if (t.includes(' fun ') && /^(?:override|suspend|inline|open|abstract|private|internal) [\w ]*fun /.test(t)) add(s, KT, 6);
      else if (w === 'override' && t.startsWith('override func ')) add(s, SWIFT, 6);
      else if (w === 'open' && /^open [A-Z][\w.]*$/.test(t)) {
        add(s, FS, 2);
        add(s, ML, 2);
      }
      break;
    case 'val':
      if (/^val \w+(?:: [A-Z][\w<>?, ]*)? = /.test(t) && !semi) {
        add(s, KT, 1.5);
        add(s, SCALA, 1.5);
      }
      break;
    case 'data':
      if (t.startsWith('data class ')) add(s, KT, 6);
      else if (/^data [A-Z][\w ]* =/.test(t)) add(s, HS, 4);
      else if (RE_HCL_BLOCK.test(t)) add(s, HCL, 6);
      break;
    case 'companion':
    case 'lateinit':
      add(s, KT, 6);
      break;
    case 'guard':
      if (t.startsWith('guard let ') || t.includes(' else {')) add(s, SWIFT, 6);
      break;
    case 'extension':
    case 'protocol':
      if (/^(?:extension|protocol) [A-Z]\w*(?:: [\w, ]+)? \{$/.test(t)) add(s, SWIFT, 5);
      break;
    case 'struct':
      if (/^struct \w+(?:<[^>]*>)?: [A-Z]/.test(t)) add(s, SWIFT, 3);
      break;
    case 'mutating':
    case 'fileprivate':
      add(s, SWIFT, 6);
      break;
    case 'init':
      if (next === 40 && brace) add(s, SWIFT, 3);
      break;
    case 'case':
      if (t.startsWith('case class ')) add(s, SCALA, 6);
      break;
    case 'object':
      if (/^object \w+ extends /.test(t)) add(s, SCALA, 4);
      else if (brace) {
        add(s, SCALA, 1);
        add(s, KT, 1);
      }
      break;
    case 'sealed':
    case 'implicit':
      if (t.startsWith('sealed trait ') || w === 'implicit') add(s, SCALA, 5);
      else if (t.startsWith('sealed class ')) add(s, KT, 4);
      break;
    case 'interface':
      if (/^interface I[A-Z]/.test(t)) add(s, CS, 2);
      else if (brace) add(s, TS, 1.5);
      break;
    case 'enum':
      if (brace) add(s, TS, 0.5);
      break;
    case 'export':
      if (t.startsWith('export interface ') || t.startsWith('export type ') || t.startsWith('export enum ') || t.startsWith('export declare ')) add(s, TS, 6);
      else if (t.startsWith('export default ') || t.startsWith('export const ') || t.startsWith('export function ') || t.startsWith('export async function') || t.startsWith('export class ') || t.startsWith('export {')) add(s, JS, 4);
      else if (/^export [A-Z_][A-Z0-9_]*=/.test(t) || /^export [A-Za-z_]\w*=/.test(t)) add(s, BASH, 4);
      break;
    case 'declare':
      if (t.startsWith('declare module') || t.startsWith('declare const') || t.startsWith('declare function')) add(s, TS, 5);
      break;
    case 'readonly':
      add(s, TS, 2);
      break;
    default:
      scoreFirstWordMore(s, l, b);
  }
}

function scoreFirstWordMore(s: Tally, l: Line, _b: Block): void {
  const { t, semi, brace, w, next, spaced } = l;
  switch (w) {
    // shell
    case 'fi':
    case 'done':
    case 'esac':
    case 'then':
      if (t === w) add(s, BASH, 3);
      break;
    case ';;':
      add(s, BASH, 2);
      add(s, ML, 1);
      break;
    case 'echo':
      if (!semi) add(s, BASH, 1);
      else if (t.includes('$')) add(s, PHP, 1);
      break;
    case 'set':
      if (/^set -[euxo]/.test(t)) add(s, BASH, 4);
      else if (next === 40) add(s, CMAKE, 2);
      else if (/^set [\w:()$]+ [[{"$]/.test(t)) add(s, TCL, 2);
      break;
    case 'PS':
      if (/^PS [A-Z]:\\[^>]*> /.test(t)) add(s, PS, 6);
      break;
    case 'PS>':
      add(s, PS, 6);
      break;
    // sql (either case)
    case 'SELECT':
    case 'select':
      if (/^select case /i.test(t) || t.includes(' by ') && !/(?:group|order|partition) by /i.test(t)) add(s, OTHER, 4); // VB, q
      else if (spaced && !t.includes('$') && !t.includes(':=') && !t.includes('->') && !t.includes('#') && !t.includes('{')) {
        add(s, SQL, / from |\*|,/i.test(t) ? 4 : 3);
      }
      break;
    case 'INSERT':
    case 'insert':
      if (/^insert into /i.test(t)) add(s, SQL, 6);
      break;
    case 'UPDATE':
    case 'update':
      if (/^update \S+ set /i.test(t)) add(s, SQL, 5);
      else if (t === 'UPDATE' || /^UPDATE \w+$/.test(t)) add(s, SQL, 2);
      break;
    case 'DELETE':
    case 'delete':
      if (/^delete from /i.test(t)) add(s, SQL, 6);
      break;
    case 'CREATE':
    case 'create':
    case 'ALTER':
    case 'alter':
    case 'DROP':
    case 'drop':
      if (/^(?:create|alter|drop)(?: or replace)?(?: unique| temporary| temp| materialized)? (?:table|view|index|function|database|schema|trigger|procedure|extension|type|sequence|role|user|policy)\b/i.test(t)) add(s, SQL, 6);
      break;
    case 'WHERE':
    case 'JOIN':
    case 'VALUES':
    case 'GROUP':
    case 'ORDER':
    case 'LIMIT':
    case 'HAVING':
    case 'LEFT':
    case 'INNER':
    case 'UNION':
      if (spaced) add(s, SQL, 2);
      break;
    case 'where':
    case 'join':
    case 'values':
    case 'group':
    case 'order':
    case 'limit':
    case 'having':
    case 'left':
    case 'inner':
      if (spaced && t !== w && (w !== 'group' && w !== 'order' || t.includes(' by '))) add(s, SQL, 1);
      else if (w === 'where' && t === 'where') add(s, HS, 2);
      break;
    case 'GRANT':
    case 'EXPLAIN':
    case 'BEGIN;':
    case 'COMMIT;':
      add(s, SQL, 2);
      break;
    // dockerfile (upper case), FROM also in SQL
    case 'FROM':
      if (RE_DOCKER_IMAGE.test(t) && (t.includes(':') || t.includes('/') || t.includes(' AS ') || t === 'FROM scratch')) add(s, DOCKER, 5);
      else if (/^FROM [A-Za-z_"`[]/.test(t)) add(s, SQL, 2);
      break;
    case 'RUN':
    case 'COPY':
    case 'WORKDIR':
    case 'ENTRYPOINT':
    case 'CMD':
    case 'EXPOSE':
    case 'MAINTAINER':
    case 'HEALTHCHECK':
    case 'ONBUILD':
      if (next === 32) add(s, DOCKER, 4);
      break;
    case 'ENV':
    case 'ARG':
    case 'ADD':
    case 'LABEL':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      if (next === 32) add(s, DOCKER, 2);
      break;
    // nginx
    case 'server':
    case 'location':
    case 'upstream':
    case 'http':
    case 'events':
      if (brace) add(s, NGINX, 4);
      break;
    case 'listen':
    case 'server_name':
    case 'proxy_pass':
    case 'proxy_set_header':
    case 'try_files':
    case 'add_header':
    case 'rewrite':
    case 'gzip':
    case 'gzip_types':
    case 'client_max_body_size':
    case 'worker_processes':
    case 'worker_connections':
    case 'error_log':
    case 'access_log':
    case 'ssl_certificate':
    case 'ssl_certificate_key':
    case 'sendfile':
    case 'keepalive_timeout':
    case 'log_format':
    case 'proxy_http_version':
    case 'proxy_redirect':
    case 'fastcgi_pass':
    case 'expires':
      if (semi || next === 32 && !t.includes('(')) add(s, NGINX, 3);
      break;
    case 'root':
    case 'index':
    case 'user':
    case 'pid':
    case 'include':
      if (semi && !t.includes('(') && !t.includes('=') && !t.includes("'")) add(s, NGINX, 1);
      break;
    // apache
    case 'ServerName':
    case 'DocumentRoot':
    case 'RewriteEngine':
    case 'RewriteRule':
    case 'RewriteCond':
    case 'LoadModule':
    case 'ServerAdmin':
    case 'ErrorLog':
    case 'CustomLog':
    case 'AllowOverride':
      add(s, APACHE, 4);
      break;
    // hcl / terraform
    case 'resource':
    case 'provider':
    case 'variable':
    case 'output':
      if (RE_HCL_BLOCK.test(t)) add(s, HCL, 6);
      break;
    case 'terraform':
    case 'locals':
      if (t === `${w} {`) add(s, HCL, 4);
      break;
    // elixir
    case 'defmodule':
      add(s, EX, 8);
      break;
    case 'defp':
    case 'defmacro':
    case 'defstruct':
    case 'defrecord':
    case 'defguard':
    case 'defguardp':
    case 'defimpl':
    case 'defprotocol':
      add(s, EX, 6);
      break;
    case 'alias':
      if (/^alias [A-Z][\w.]*$/.test(t)) add(s, EX, 3);
      break;
    // haskell
    case 'instance':
      if (t.endsWith(' where')) add(s, HS, 5);
      break;
    case 'main':
      if (t === 'main = do' || t.startsWith('main :: IO')) add(s, HS, 8);
      break;
    case 'deriving':
      add(s, HS, 4);
      break;
    case 'putStrLn':
      add(s, HS, 4);
      break;
    // perl
    case 'my':
      if (/^my [$@%(]/.test(t)) add(s, PERL, 5);
      break;
    case 'sub':
      if (/^sub [a-z_]\w*(?: \{)?$/.test(t)) add(s, PERL, 4);
      break;
    case 'foreach':
      if (t.startsWith('foreach my ')) add(s, PERL, 6);
      break;
    // cmake
    case 'cmake_minimum_required':
    case 'add_executable':
    case 'add_library':
    case 'target_link_libraries':
    case 'find_package':
    case 'target_include_directories':
      if (next === 40) add(s, CMAKE, 7);
      break;
    case 'project':
      if (next === 40) add(s, CMAKE, 2);
      break;
    // dart
    case 'Widget':
      if (t.startsWith('Widget build(')) add(s, DART, 8);
      break;
    case 'final':
      if (/^final \w+ = /.test(t) && semi) add(s, DART, 2);
      break;
    // protobuf / graphql
    case 'syntax':
      if (t.startsWith('syntax = "proto')) add(s, PROTO, 10);
      break;
    case 'message':
      if (/^message [A-Z]\w* \{$/.test(t)) add(s, PROTO, 4);
      break;
    case 'rpc':
      if (t.includes('returns')) add(s, PROTO, 5);
      break;
    case 'option':
      if (/^option [a-z_]+ = /.test(t) && semi) add(s, PROTO, 4);
      break;
    case 'repeated':
    case 'optional':
    case 'required':
      if (RE_PROTO_FIELD.test(t)) add(s, PROTO, 3);
      break;
    case 'query':
    case 'mutation':
    case 'subscription':
    case 'fragment':
      if (brace && !t.includes('=') && !t.includes(';')) add(s, GQL, 5);
      break;
    case 'schema':
    case 'input':
      if (/^(?:schema|input \w+) \{$/.test(t)) add(s, GQL, 3);
      break;
    // gradle
    case 'plugins':
    case 'dependencies':
    case 'repositories':
      if (t === `${w} {`) add(s, GRADLE, 3);
      break;
    case 'implementation':
    case 'testImplementation':
    case 'api':
    case 'compileOnly':
      if (t === 'implementation') add(s, DELPHI, 3); // Pascal's `implementation` section
      else if (next === 32 && (t.includes("'") || t.includes('"')) || next === 40 && t.includes('("')) add(s, GRADLE, 4);
      break;
    case 'apply':
      if (t.startsWith('apply plugin:')) add(s, GRADLE, 8);
      break;
    // vb.net
    case 'Imports':
      if (/^Imports [A-Z][\w.]*$/.test(t)) add(s, VB, 6);
      break;
    case 'Dim':
      if (RE_VB_DIM.test(t)) add(s, VB, 4);
      break;
    case 'End':
      if (t === 'End Sub' || t === 'End Function' || t === 'End Class' || t === 'End Module') add(s, VB, 3);
      break;
    // latex-free; batch
    case 'REM':
    case 'rem':
      if (spaced) add(s, DOS, 2);
      break;
    case 'goto':
      if (/^goto :?\w+$/i.test(t)) add(s, DOS, 2);
      break;
    // pascal / delphi
    case 'procedure':
      if (/^procedure [\w.]+(?:\(|;)/.test(t)) add(s, DELPHI, 4);
      break;
    case 'unit':
    case 'program':
      if (/^(?:unit|program) [\w.]+;$/.test(t)) add(s, DELPHI, 5);
      break;
    case 'uses':
      if (t === 'uses' || /^uses [\w., ]+;$/.test(t)) add(s, DELPHI, 3);
      break;
    case 'end;':
      add(s, DELPHI, 1.5);
      break;
    // nim, tcl
    case 'proc':
      if (/^proc \w+\*?(?:\[[^\]]*\])?\(/.test(t)) add(s, NIM, 5);
      else if (/^proc [\w:]+ \{/.test(t)) add(s, TCL, 5);
      break;
    case 'uninitialized':
      add(s, CRYSTAL, 4);
      break;
    case 'lib':
      if (/^lib [A-Z]\w*$/.test(t)) add(s, CRYSTAL, 3);
      break;
    // dart
    case 'part':
      if (/^part (?:of )?'[^']+';$/.test(t)) add(s, DART, 5);
      break;
    case 'library':
      if (/^library [\w.]+;$/.test(t)) add(s, DART, 4);
      else if (next === 40) add(s, R, 6);
      break;
    case 'factory':
      add(s, DART, 3);
      break;
    // batch
    case 'copy':
    case 'del':
    case 'ren':
    case 'xcopy':
    case 'ipconfig':
    case 'taskkill':
    case 'sfc':
    case 'net':
    case 'robocopy':
    case 'attrib':
    case 'cls':
      if (spaced && (w === 'ipconfig' || w === 'taskkill' || w === 'xcopy' || w === 'robocopy' || w === 'sfc' || / \/[A-Za-z]|%|\\/.test(t))) add(s, DOS, 3);
      break;
    // tcl
    case 'lappend':
    case 'lindex':
    case 'llength':
    case 'lreplace':
    case 'incr':
      add(s, TCL, 3);
      break;
    case 'mutable':
      if (t.startsWith('mutable struct ')) add(s, JULIA, 6);
      break;
  }

}

function scoreShapes(s: Tally, l: Line, b: Block, lines: readonly string[]): void {
  const { raw, t, f, last, semi, brace, indented, w, spaced, i } = l;
  // ---- openers of data lines ---------------------------------------------------------------
  if (t.includes('<<') && !semi) {
    const m = RE_HEREDOC.exec(t);
    if (m !== null) {
      b.heredoc = m[1]!;
      add(s, BASH, 3);
    }
  }
  if (f === 34 || f === 39 || t.includes('"""') || t.includes("'''")) {
    const quote = t.includes('"""') ? '"""' : t.includes("'''") ? "'''" : null;
    if (quote !== null) {
      const first = t.indexOf(quote);
      if (t.indexOf(quote, first + 3) < 0) {
        b.inDocstring = true;
        b.docstring = quote;
      }
      add(s, PY, 1);
    }
  }

  // ---- whole-line shapes -----------------------------------------------------------------
  if (spaced && COMMANDS.has(w) && !semi && !brace && last !== 41 /* ) */ && !/\\./.test(t) && !t.includes('%')) {
    if (w !== 'go' || /^go (?:run|build|get|test|install|mod|vet|fmt|work|generate|env|version|tool) /.test(t + ' ')) add(s, BASH, 4);
  }
  if (PY_KEYWORD_LINES.has(t)) {
    if (t === 'pass') add(s, PY, 3);
    else if (t !== 'continue' && t !== 'break') add(s, PY, 3);
  }
  if (t.endsWith(' \\') && !semi) b.continuations++;
  if ((t === 'public:' || t === 'private:' || t === 'protected:')) add(s, CPP, 6);
  if (RE_HTTP_REQUEST.test(t) || /^HTTP\/\d(?:\.\d)? \d{3}/.test(t)) add(s, HTTP, 10);
  if (f === 64 /* @ */ && t.startsWith('@@ -')) add(s, DIFF, 6);
  if (t.startsWith('diff --git ')) add(s, DIFF, 10);
  if (RE_PS_CMDLET.test(t) && !t.includes(':') && w !== 'Content-Type') add(s, PS, 5);
  if (RE_MAKE_TARGET.test(t) && !t.includes('::') && !t.includes(':=') && !indented && last !== 92) {
    const after = lines[i + 1];
    if (after !== undefined && after.charCodeAt(0) === 9) {
      b.makeTargets++;
      b.inRecipe = true;
      add(s, MAKE, 4);
    }
  }
  if (RE_UPPER_ASSIGN.test(t)) {
    if (t.includes('?=') || t.includes('+=') || /^[A-Z_][A-Z0-9_]* +:?= /.test(t)) b.makeAssigns++;
    else if (/^[A-Z_][A-Z0-9_]*=(?:"|\$|'|[\w/.-]+$)/.test(t)) add(s, BASH, 1.5);
  }
  if (RE_YAML_KEY.test(t) && !semi && !brace && last !== 44 /* , */ && !PY_KEYWORD_LINES.has(t)) {
    if (!t.includes('(') && !t.includes(' = ') && !t.includes('=>') && w !== 'default' && !t.startsWith('case ')) {
      b.yamlKeys++;
      b.yamlShaped++;
      if (!indented && f !== 45) {
        // A mapping has each key once: repeated top-level keys are a log or a record list.
        const key = t.slice(0, t.indexOf(':'));
        if (b.topKeys.has(key)) b.yamlBroken = true;
        else if (b.topKeys.size < 64) b.topKeys.add(key);
      }
      add(s, YAML, last === 58 ? 1.5 : 2);
      if (RE_BLOCK_SCALAR.test(t)) b.scalarIndent = indentOf(raw);
      if (t.endsWith(': |') || t.endsWith(': >') || t.startsWith('apiVersion:') || t.startsWith('kind:')) add(s, YAML, 2);
    }
  } else if (f === 45 && t.startsWith('- ') && !t.includes(';')) {
    b.yamlShaped++;
    add(s, YAML, 0.5);
  } else if (f === 62 /* > */) b.yamlBroken = true; // `> text` is not YAML (NestedText, e-mail quotes)
  else if (t === '---' || f === 35 /* # */) b.yamlShaped++;
  if (f === 35 || t.startsWith('//') || t.startsWith('--') && !t.startsWith('---')) b.commentLines++;
  if (f === 60) b.tagLines++;
  if (last === 59 && !t.includes('$')) {
    const m = RE_CSS_PROP.exec(t);
    if (m !== null) {
      const prop = m[1]!;
      if (prop.includes('-') || CSS_PROPS.has(prop)) add(s, CSS, 2);
    }
  }
  if (brace && (f === 35 || f === 58) && isIdentStart(t.charCodeAt(1)) && !t.includes('(')) add(s, CSS, 2); // #id { / :root {
  if (f !== 91) {
    if (RE_TOML_KEY.test(t)) {
      b.tomlKeys++;
      // `serde = { version = "1" }`, `split-debuginfo = "x"`: no programming language writes these
      if (RE_CARGO_DEP.test(t)) add(s, TOML, 4);
      else if (RE_KEBAB_KEY.test(t)) add(s, TOML, 3);
    }
    else if (RE_INI_KEY.test(t) && !semi && !t.includes('(') && !t.includes('$')) b.iniKeys++;
  }
}

function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

function scoreImport(t: string, s: Tally): void {
  if (t === 'import (' || RE_GO_IMPORT.test(t) && !t.slice(t.lastIndexOf('/') + 1).includes('.')) add(s, GO, 5);
  else if (t.startsWith('import type ')) add(s, TS, 5);
  else if (t.startsWith("import 'package:") || t.startsWith("import 'dart:")) add(s, DART, 8);
  else if (t.includes(" from '") || t.includes(' from "') || /^import ['"]/.test(t) && semi(t)) add(s, JS, 4);
  else if ((t.startsWith('import java.') || t.startsWith('import javax.')) && t.endsWith(';')) add(s, JAVA, 8);
  else if (t.startsWith('import java.') || t.startsWith('import javax.')) {
    add(s, KT, 1);
    add(s, SCALA, 1);
  }
  else if (t.startsWith('import kotlin') || t.startsWith('import kotlinx.')) add(s, KT, 8);
  else if (t.startsWith('import scala.')) add(s, SCALA, 8);
  else if (/^import (?:Foundation|UIKit|SwiftUI|Combine|XCTest|AppKit|Cocoa)$/.test(t)) add(s, SWIFT, 8);
  else if (t.startsWith('import qualified ')) add(s, HS, 8);
  else if (/^import (?:Data|Control|System|Network|Text)\.[A-Z][\w.]*(?: \(|$| hiding| as )/.test(t)) add(s, HS, 3);
  else if (/^import \w+ exposing /.test(t) || /^import [A-Z][\w.]* exposing/.test(t)) add(s, ELM, 6);
  else if (/^import (?:static )?[a-z_][\w.]*\.(?:[A-Z]\w*|\*);$/.test(t)) add(s, JAVA, 2); else if (/^import [a-z_][\w, ]*$/.test(t)) add(s, PY, 2);
  else if (t.includes('.') && /^import [a-z_][\w. ]*$/.test(t)) add(s, PY, 1);
}

function semi(t: string): boolean {
  return t.endsWith(';');
}

/** `public …`, `private …`: Java, C#, PHP, TypeScript, Kotlin, Swift, C++ share them. */
function scoreModifiers(t: string, s: Tally): void {
  if (RE_PHP_FUNCTION.test(t)) {
    if (t.includes('$') || t.includes('()')) add(s, PHP, 6);
    else add(s, OTHER, 3); // ActionScript, Haxe: `public function f(x:T)`
    return;
  }
  if (t.startsWith('public static void main(String')) {
    add(s, JAVA, 8);
    return;
  }
  if (/^(?:public|private|protected) (?:static )?\$\w+/.test(t)) {
    add(s, PHP, 5);
    return;
  }
  if (t.includes(' fun ') && /^(?:private|public|internal|protected) [\w ]*fun /.test(t)) {
    add(s, KT, 6);
    return;
  }
  if (t.includes(' func ') && /^(?:public|private|fileprivate|internal) [\w ]*func /.test(t)) {
    add(s, SWIFT, 6);
    return;
  }
  if (/^(?:public|private|protected) (?:readonly )?\w+\??: [a-z]\w*(?:\[\])?(?: = .*)?;$/.test(t)) {
    add(s, TS, 4);
    return;
  }
  if (t.includes(' final ') || t.includes(' throws ') || t.includes('String[]') || /^private final /.test(t)) add(s, JAVA, 3);
  if (t.includes('string[]') || /\b(?:async|override|virtual|readonly|sealed|partial) /.test(t) && !t.includes(':')) add(s, CS, 2);
  if (/^public [a-z ]*class \w/.test(t)) {
    add(s, JAVA, 1);
    add(s, CS, 1);
  }
  if (/^(?:public|private|protected) [A-Z][\w<>,]* [A-Z]\w* \{ get/.test(t)) add(s, CS, 4);
}

/** Evidence that needs the whole block: JSON that parses. */
function scoreWholeBlock(lines: readonly string[], firstCode: number, lastCode: number, s: Tally): void {
  const head = lines[firstCode]!.trimStart();
  const tail = lines[lastCode]!.trimEnd();
  const open = head.charCodeAt(0);
  const close = tail.charCodeAt(tail.length - 1);
  if (!((open === 123 && close === 125) || (open === 91 && close === 93))) return;
  let size = 0;
  for (let i = firstCode; i <= lastCode; i++) {
    size += lines[i]!.length + 1;
    if (size > JSON_PARSE_MAX) return;
  }
  const text = lines.slice(firstCode, lastCode + 1).join('\n');
  if (!text.includes('"') && !text.includes(':')) return; // [1, 2] is also a list in most languages
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object') add(s, JSON_, 12);
  } catch {
    // not JSON
  }
}
