import type { Writer } from "../util/io";

/** Progress lines for long steps; a no-op when disabled. */
export interface Progress {
  readonly enabled: boolean;
  step(message: string): void;
}

/**
 * True when progress should show: stderr is a terminal and `CI` is not set (to anything but
 * "false" or "0").
 *
 * @example
 * progressEnabled(process.stderr, process.env);
 */
export function progressEnabled(
  stderr: Writer,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const ci = env.CI;
  const inCi = ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
  return stderr.isTTY === true && !inCi;
}

/**
 * Writes `› message` lines to stderr when enabled, nothing otherwise.
 *
 * @example
 * const progress = createProgress(process.stderr, true);
 * progress.step("fetching AAPL (1/5)");
 */
export function createProgress(stderr: Writer, enabled: boolean): Progress {
  return {
    enabled,
    step(message: string) {
      if (enabled) stderr.write(`› ${message}\n`);
    },
  };
}
