/**
 * Generated articles of the samples' kind, with the truth of every line: the samples' prose
 * and headings rearranged, headings in other styles (numbered, questions, Title Case, a
 * trailing colon, emoji, long), lead-in sentences, checklists in every bullet style, code
 * from the snippet corpus in many languages, blank-line habits, and the meta box. Used to
 * fit the classifier (one seed range and half of the snippets) and to check it (another
 * seed range and the other half).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, type LabelledArticle, type TruthKind } from './corpus.js';

export function random(seed: number): () => number {
  let state = (seed * 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
}

interface SampleParts {
  sentences: string[];
  headings: string[];
  code: string[][];
  meta: string[];
  checklist: string[];
}

let parts: SampleParts | null = null;

function sampleParts(): SampleParts {
  if (parts) return parts;
  const dir = join(projectRoot(), 'fixtures', 'samples');
  const sentences = new Set<string>();
  const headings = new Set<string>();
  const checklist = new Set<string>();
  const code: string[][] = [];
  let meta: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const lines = readFileSync(join(dir, name), 'utf8').split(/\r?\n/);
    const metaAt = lines.findIndex((l) => l.trim().toLowerCase() === 'alphanode post meta');
    if (metaAt >= 0 && meta.length === 0) meta = lines.slice(metaAt).filter((l) => l.trim() !== '' && l.trim() !== 'Similar Posts');
    let block: string[] = [];
    for (const line of (metaAt >= 0 ? lines.slice(0, metaAt) : lines).slice(1)) {
      const t = line.trim();
      if (/^(from |app = |@app|def | {4}return|import |const |\$ |SELECT)/.test(line)) {
        block.push(line);
        continue;
      }
      if (block.length && t === '') continue;
      if (block.length) {
        code.push(block);
        block = [];
      }
      if (t.startsWith('•') || t.startsWith('- ')) checklist.add(t.slice(2).trim());
      else if (t.split(' ').length <= 6 && !/[.!?]$/.test(t) && !t.includes('visual reference') && !t.startsWith('|')) headings.add(t);
      else if (t.length > 40 && !t.includes('image source')) for (const s of t.split(/(?<=\.) /)) sentences.add(s);
    }
  }
  parts = { sentences: [...sentences], headings: [...headings].filter((h) => h.length > 0), code, meta, checklist: [...checklist] };
  return parts;
}

const EXTRA_HEADINGS = [
  'common mistakes', 'how it works', 'before you start', 'rollout plan', 'measuring the result', 'what to watch in production',
  'testing the change', 'a worked example', 'trade-offs', 'next steps', 'setting up the project', 'monitoring and alerts',
  'deploying to staging', 'the configuration file', 'error handling', 'performance notes', 'summary', 'prerequisites',
];
const QUESTIONS = ['why does this matter?', 'what can go wrong?', 'how do you roll it back?', 'is it worth the effort?', 'what should you measure first?', 'when should you skip it?'];
const EMOJI = ['🚀', '✅', '🔧', '📌', '⚡', '💡'];
const LEAD_INS = [
  'run this command to start the service:', 'add the following to the configuration file:', 'start by installing the package:',
  'the handler looks like this:', 'for example:', 'then create the table:', 'use a snippet like this one:', 'here is the complete file:',
  'Run the following command:', 'Create a file named config with this content:', 'Next, update the handler:', 'Then restart the server:',
];

function titleCase(text: string): string {
  return text.replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

export interface Snippet { language: string; text: string }

/**
 * One article of the samples' kind. `snippets` supplies code in other languages (whole
 * programs, blank lines kept); the samples' own code is used too.
 */
export function syntheticArticle(seed: number, snippets: readonly Snippet[]): LabelledArticle {
  const next = random(seed);
  const p = sampleParts();
  const out: string[] = [];
  const labels: Array<TruthKind | undefined> = [undefined];
  const noBlanks = next() < 0.08;
  const extraBlanks = !noBlanks && next() < 0.1;
  const headingStyle = Math.floor(next() * 9);
  const push = (text: string, kind: TruthKind | undefined) => {
    out.push(text);
    labels.push(text.trim() === '' ? undefined : kind);
  };
  const blank = () => {
    if (noBlanks) return;
    push('', undefined);
    if (extraBlanks && next() < 0.5) push('', undefined);
  };
  const tight = next() < 0.25; // some paragraphs follow each other with no blank line
  const damaged = next() < 0.1; // U+FFFD from bad bytes, non-breaking spaces
  const paragraph = () => {
    const count = 1 + Math.floor(next() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) sentences.push(pick(next, p.sentences));
    let text = sentences.join(' ');
    if (headingStyle >= 5 && next() < 0.5) text = text.charAt(0).toUpperCase() + text.slice(1);
    if (damaged && next() < 0.3) {
      const at = Math.floor(next() * text.length);
      text = text.slice(0, at) + (next() < 0.5 ? '\uFFFD\uFFFD' : '\u00a0') + text.slice(at);
    }
    push(text, 'paragraph');
    if (!(tight && next() < 0.5)) blank();
  };
  const heading = (index: number) => {
    let text = next() < 0.5 ? pick(next, p.headings) : pick(next, EXTRA_HEADINGS);
    switch (headingStyle) {
      case 1: text = titleCase(text); break;
      case 2: text = `${titleCase(text)}:`; break;
      case 3: text = `${index}. ${text}`; break;
      case 4: text = next() < 0.5 ? pick(next, QUESTIONS) : text; break;
      case 5: text = `${pick(next, EMOJI)} ${text}`; break;
      case 6: text = `${text} and what it means for ${pick(next, ['small teams', 'the on-call rotation', 'a single vps', 'python services'])} in practice`; break;
      case 7: text = `## ${titleCase(text)}`; break;
      default: break;
    }
    push(text, 'heading');
    blank();
  };
  const codeBlock = () => {
    if (next() < 0.45) {
      push(pick(next, LEAD_INS), 'paragraph');
      blank();
    }
    let lines: string[];
    if (snippets.length > 0 && next() < 0.75) {
      const snippet = pick(next, snippets);
      lines = snippet.text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
      // Whole programs half of the time, else a fragment from anywhere in them, so the
      // model sees every kind of first and last line and fewer exact repeats.
      if (next() < 0.5 && lines.length > 6) {
        const start = Math.floor(next() * (lines.length - 3));
        lines = lines.slice(start, start + 2 + Math.floor(next() * 25));
      }
      if (lines.length > 40) lines = lines.slice(0, 20 + Math.floor(next() * 20));
      while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
      while (lines.length > 0 && lines[0]!.trim() === '') lines.shift();
    } else lines = pick(next, p.code);
    for (const line of lines) {
      if (noBlanks && line.trim() === '') continue;
      push(line, 'code');
    }
    blank();
  };

  if (next() < 0.6) push(next() < 0.5 ? '| |' : '| | |', undefined);
  if (next() < 0.6) blank();
  push(pick(next, p.headings.concat(EXTRA_HEADINGS)) + ' ' + pick(next, ['notes', 'for python services', 'on a single vps', 'in production', 'explained']), 'title');
  blank();
  paragraph();
  const sections = 3 + Math.floor(next() * 4);
  for (let s = 1; s <= sections; s++) {
    heading(s);
    const blocks = 1 + Math.floor(next() * 4);
    for (let b = 0; b < blocks; b++) {
      if ((b > 0 || next() < 0.15) && next() < 0.35) codeBlock();
      else paragraph();
    }
  }
  // The checklist.
  heading(sections + 1);
  const bullet = pick(next, ['  • ', '- ', '* ', '· ', '– ', 'n. ', 'n) ', '  • ']);
  const items = 3 + Math.floor(next() * 3);
  const mixed = next() < 0.3; // every bullet style in one list
  const styles = ['• ', '- ', '* ', '· ', '– ', 'n. ', 'n) ', '    • ', '\t- '];
  for (let i = 1; i <= items; i++) {
    const marker = mixed ? pick(next, styles) : bullet;
    push(marker.replace('n', String(i)) + pick(next, p.checklist), 'list');
  }
  blank();
  heading(sections + 2);
  paragraph();
  if (next() < 0.85) {
    for (const line of p.meta) push(line, undefined);
  }
  return {
    name: `synthetic-${seed}`,
    text: out.join('\n') + '\n',
    labels,
    expected: { title: '', headings: [], paragraphCount: 0, codeBlocks: [], findings: [] },
  };
}
