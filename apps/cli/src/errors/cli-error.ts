/** Stable codes for failures the CLI itself detects (the libraries bring their own). */
export const CliErrorCode = {
  USAGE_ERROR: "USAGE_ERROR",
  CONFIG_NOT_FOUND: "CONFIG_NOT_FOUND",
  CONFIG_PARSE_ERROR: "CONFIG_PARSE_ERROR",
  CONFIG_INVALID: "CONFIG_INVALID",
} as const;

export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

/** One problem found in a config file: the key path and what was expected. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Base error of the CLI. Every CLI error is a user error (exit code 2).
 *
 * @example
 * throw new CliError("CONFIG_NOT_FOUND", "config file not found: configs/x.yaml");
 */
export class CliError extends Error {
  override name = "CliError" as const;
  readonly code: CliErrorCode;
  readonly issues: readonly ConfigIssue[];

  constructor(
    code: CliErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly ConfigIssue[] } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/**
 * True for a {@link CliError}, also when it comes from another loaded copy of the CLI.
 *
 * @example
 * if (isCliError(e) && e.code === "CONFIG_INVALID") console.error(e.issues);
 */
export function isCliError(e: unknown): e is CliError {
  return (
    e instanceof CliError ||
    (e instanceof Error &&
      e.name === "CliError" &&
      typeof (e as { code?: unknown }).code === "string")
  );
}
