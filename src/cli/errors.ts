/**
 * Errors that mean "the run itself could not happen" (exit code 2, cli.md). They are shown
 * as one line, `anp: message`, never with a stack trace (unless --debug).
 */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The exit code this error maps to. */
  readonly exitCode = 2;
}
