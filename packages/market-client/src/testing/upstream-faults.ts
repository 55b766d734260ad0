import { ConfigError } from "../errors";

/** What a failing request does instead of answering normally. */
export type FaultKind = "error" | "malformed" | "schema" | "drop" | "truncate";

/** Switchable faults of the reference upstream. Rates are probabilities per request and must sum to <= 1. */
export interface UpstreamFaults {
  /** Delay before every answer (ms). */
  latencyMs?: number;
  /** Share of requests answered with `errorStatus`. */
  errorRate?: number;
  /** Status of injected errors; default 503. Use 429 with `retryAfterSeconds` for rate limiting. */
  errorStatus?: number;
  /** Share of 200 answers whose body is not JSON. */
  malformedRate?: number;
  /** Share of 200 answers that are valid JSON but not candles. */
  schemaViolationRate?: number;
  /** Share of requests whose connection is destroyed without an answer. */
  dropRate?: number;
  /** Share of 200 answers cut in half: `content-length` promises more than is sent, then the socket closes. */
  truncateRate?: number;
  /** Sent as `Retry-After` (seconds) on injected errors. */
  retryAfterSeconds?: number;
  /** The next n requests fail deterministically with `failNextWith`, before any random fault. */
  failNext?: number;
  /** Fault used by `failNext`; default `"error"`. */
  failNextWith?: FaultKind;
}

const RATES = [
  ["dropRate", "drop"],
  ["truncateRate", "truncate"],
  ["malformedRate", "malformed"],
  ["schemaViolationRate", "schema"],
  ["errorRate", "error"],
] as const;

const KINDS: readonly FaultKind[] = ["error", "malformed", "schema", "drop", "truncate"];

function bad(name: string, expected: string, value: unknown): never {
  throw new ConfigError(
    `faults.${name}`,
    `Upstream fault ${name} must be ${expected}, got ${String(value)}`,
  );
}

/**
 * Checks a fault set. @throws ConfigError naming the field (`faults.errorRate`, …).
 *
 * @example
 * ```ts
 * validateFaults({ errorRate: 0.2, errorStatus: 503 });
 * ```
 */
export function validateFaults(faults: UpstreamFaults): UpstreamFaults {
  let total = 0;
  for (const [name] of RATES) {
    const rate = faults[name];
    if (rate === undefined) continue;
    if (!(Number.isFinite(rate) && rate >= 0 && rate <= 1)) bad(name, "a number in [0, 1]", rate);
    total += rate;
  }
  if (total > 1 + 1e-12) bad("rates", "at most 1 in total", total);
  const { latencyMs, errorStatus, retryAfterSeconds, failNext, failNextWith } = faults;
  if (latencyMs !== undefined && !(Number.isSafeInteger(latencyMs) && latencyMs >= 0)) {
    bad("latencyMs", "a non-negative integer", latencyMs);
  }
  if (
    errorStatus !== undefined &&
    !(Number.isInteger(errorStatus) && errorStatus >= 400 && errorStatus <= 599)
  ) {
    bad("errorStatus", "an HTTP status in 400-599", errorStatus);
  }
  if (
    retryAfterSeconds !== undefined &&
    !(Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0)
  ) {
    bad("retryAfterSeconds", "a number >= 0", retryAfterSeconds);
  }
  if (failNext !== undefined && !(Number.isSafeInteger(failNext) && failNext >= 0)) {
    bad("failNext", "a non-negative integer", failNext);
  }
  if (failNextWith !== undefined && !KINDS.includes(failNextWith)) {
    bad("failNextWith", KINDS.join(" | "), failNextWith);
  }
  return { ...faults };
}

/** Picks the fault of one request from a single uniform draw, so rates are mutually exclusive. */
export function pickRandomFault(faults: UpstreamFaults, u: number): FaultKind | undefined {
  let edge = 0;
  for (const [name, kind] of RATES) {
    edge += faults[name] ?? 0;
    if (u < edge) return kind;
  }
  return undefined;
}
