/** Process exit codes of `mle`: documented in the README and stable. */
export const ExitCode = {
  OK: 0,
  RUNTIME: 1,
  USAGE: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
