/**
 * The progress line of a long `anp lint` on a terminal: files done / total, rate and ETA,
 * on stderr, redrawn in place at most every 100 ms. It appears only once a run has taken
 * more than about a second (a quick run prints nothing extra), only when stderr is a TTY
 * (never in a log or a pipe), never on stdout, and is cleared before anything else is
 * written to the terminal and at the end. `--no-progress` turns it off.
 */
import type { Writable } from 'node:stream';

export interface ProgressOptions {
  /** Milliseconds before the line first shows (default 1,000). */
  delayMs?: number;
  /** Milliseconds between redraws (default 100). */
  intervalMs?: number;
  /** The clock (tests give a fake one). */
  now?: () => number;
}

type TtyStream = Writable & { isTTY?: boolean; columns?: number };

/** True when a progress line may be drawn on this stream. */
export function progressWanted(stream: TtyStream, enabled: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return enabled !== false && stream.isTTY === true && env.TERM !== 'dumb';
}

export class ProgressLine {
  private readonly started: number;
  private last = -Infinity;
  private shown = false;
  private done = 0;
  private total = 0;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly stream: TtyStream,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
  }

  /** `done` of `total` files are linted. */
  update(done: number, total: number): void {
    this.done = done;
    this.total = total;
    const now = this.now();
    if (now - this.started < this.delayMs || now - this.last < this.intervalMs) return;
    this.last = now;
    this.draw(now);
  }

  /** The line as drawn at `now` (without the escape codes). */
  text(now = this.now()): string {
    const seconds = Math.max(0.001, (now - this.started) / 1000);
    const rate = this.done / seconds;
    const share = this.total > 0 ? Math.floor((this.done / this.total) * 100) : 100;
    const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const line = `anp: ${this.done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} files (${share}%), ${Math.round(rate).toLocaleString('en-US')} files/s, ETA ${duration(eta)}`;
    const columns = this.stream.columns;
    return typeof columns === 'number' && columns > 1 && line.length >= columns ? line.slice(0, columns - 1) : line;
  }

  private draw(now: number): void {
    this.stream.write(`\r\x1b[K${this.text(now)}`);
    this.shown = true;
  }

  /** Removes the line (before other output; the next update draws it again). */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
    this.last = -Infinity;
  }

  /** The run is over: the line goes. */
  end(): void {
    this.clear();
    this.last = Infinity;
  }
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
