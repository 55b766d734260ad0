/** Stable codes of `JobsError`; the CLI maps them to exit codes. */
export const JobsErrorCode = {
  /** Redis cannot be reached (connection refused, timeout, authentication). */
  REDIS_UNAVAILABLE: "REDIS_UNAVAILABLE",
  /** `REDIS_URL` (or the given URL) is not a redis:// or rediss:// URL. */
  INVALID_REDIS_URL: "INVALID_REDIS_URL",
  /** No job with that id exists in the queue. */
  JOB_NOT_FOUND: "JOB_NOT_FOUND",
  /** No sweep with that id was submitted to this queue. */
  SWEEP_NOT_FOUND: "SWEEP_NOT_FOUND",
  /** A sweep file is malformed: empty grid, a value that is not a list, too many points. */
  INVALID_SWEEP: "INVALID_SWEEP",
  /** A sweep has no point that may be activated: unfinished points, or none beats the baselines. */
  NO_WINNER: "NO_WINNER",
  /** A job cannot be cancelled in its current state (completed or failed). */
  JOB_NOT_CANCELLABLE: "JOB_NOT_CANCELLABLE",
} as const;
export type JobsErrorCode = (typeof JobsErrorCode)[keyof typeof JobsErrorCode];

export interface JobsErrorOptions {
  readonly cause?: unknown;
}

/** The one error type of `@mle/jobs`. */
export class JobsError extends Error {
  override name = "JobsError" as const;
  readonly code: JobsErrorCode;

  constructor(code: JobsErrorCode, message: string, options: JobsErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** True for a `JobsError` (also from another loaded copy), optionally with the given code. */
export function isJobsError(error: unknown, code?: JobsErrorCode): error is JobsError {
  if (!(error instanceof Error) || error.name !== "JobsError") return false;
  const c = (error as { code?: unknown }).code;
  return typeof c === "string" && (code === undefined || c === code);
}
