/**
 * A unified diff (`diff -u`, three lines of context) of two texts, by line, from Myers'
 * O(ND) shortest edit script. Line terminators are not compared or shown (a fix never
 * changes them); a missing final newline is marked as `diff` does.
 */

type Op = { kind: ' ' | '-' | '+'; text: string };

function splitKeepingState(text: string): { lines: string[]; finalNewline: boolean } {
  if (text.length === 0) return { lines: [], finalNewline: true };
  const lines = text.split(/\r\n|\r|\n/);
  const finalNewline = lines[lines.length - 1] === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** The edit script from `a` to `b` (Myers, with the trace kept for the backtrack). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const previous = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && previous[offset + k - 1]! < previous[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : previous[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', text: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', text: b[--y]! });
      else ops.push({ kind: '-', text: a[--x]! });
    }
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', text: a[--x]! });
    y--;
  }
  return ops.reverse();
}

/** `--- a/FILE`, `+++ b/FILE` and the hunks; '' when the texts have the same lines. */
export function unifiedDiff(before: string, after: string, file: string, context = 3): string {
  const a = splitKeepingState(before);
  const b = splitKeepingState(after);
  const ops = editScript(a.lines, b.lines);
  if (ops.every((op) => op.kind === ' ') && a.finalNewline === b.finalNewline) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  // Positions of each op in a and b (1-based line numbers of the op's line).
  let index = 0;
  const aAt: number[] = [];
  const bAt: number[] = [];
  let ai = 1;
  let bi = 1;
  for (const op of ops) {
    aAt.push(ai);
    bAt.push(bi);
    if (op.kind !== '+') ai++;
    if (op.kind !== '-') bi++;
  }
  while (index < ops.length) {
    while (index < ops.length && ops[index]!.kind === ' ') index++;
    if (index >= ops.length) break;
    const start = Math.max(0, index - context);
    let end = index;
    // Extend while the next change is within 2 * context unchanged lines.
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap]!.kind === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(ops.length, end + context);
        break;
      }
    }
    const slice = ops.slice(start, end);
    const aCount = slice.filter((op) => op.kind !== '+').length;
    const bCount = slice.filter((op) => op.kind !== '-').length;
    const aStart = aCount === 0 ? aAt[start]! - 1 : aAt[start]!;
    const bStart = bCount === 0 ? bAt[start]! - 1 : bAt[start]!;
    out.push(`@@ -${aStart}${aCount === 1 ? '' : `,${aCount}`} +${bStart}${bCount === 1 ? '' : `,${bCount}`} @@`);
    slice.forEach((op, offset) => {
      out.push(`${op.kind}${op.text}`);
      const at = start + offset;
      const lastOfA = op.kind !== '+' && aAt[at] === a.lines.length && !a.finalNewline;
      const lastOfB = op.kind !== '-' && bAt[at] === b.lines.length && !b.finalNewline;
      if ((op.kind === '-' && lastOfA) || (op.kind === '+' && lastOfB) || (op.kind === ' ' && (lastOfA || lastOfB))) out.push('\\ No newline at end of file');
    });
    index = end;
  }
  return `${out.join('\n')}\n`;
}
