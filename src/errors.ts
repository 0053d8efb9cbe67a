/**
 * Errors that mean "the run itself could not happen" (exit code 2 in the CLI, cli.md), for
 * any layer to throw: the config loader, the plugin loader, the engine, the CLI. The CLI
 * shows them as one line, `anp: message`, never with a stack trace (unless --debug);
 * library users can tell them apart with `instanceof` or `error.name`.
 */

/** The base class: bad input to the run (an option, a config, a path, an output file). */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The exit code the CLI maps this error to. */
  readonly exitCode = 2;
}

/**
 * An invalid or unreadable config file; the message names the file and the key path. A
 * config with several problems is one error listing them all (`problems`, one per line of
 * the message).
 */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
  problems: readonly string[] = [this.message];

  static of(problems: readonly string[]): ConfigError {
    const error = new ConfigError(problems.join('\n'));
    error.problems = [...problems];
    return error;
  }
}

/** A custom rule module (config `plugins`, `--rules-dir`, `rulesDirs`) that cannot be used. */
export class PluginError extends UsageError {
  override name = 'PluginError';
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`plugin ${path}: ${problem}`);
  }
}
