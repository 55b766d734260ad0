/** Largest wait taken from a `Retry-After` header unless the caller sets `maxRetryAfterMs`. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 10_000;
/** Largest backoff step, whatever the attempt number. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * Milliseconds to wait from a `Retry-After` header: delta-seconds (`"2"`, `"1.5"`) or an HTTP date,
 * relative to `nowMs`. `undefined` for a missing or unreadable header; never negative.
 *
 * @example
 * ```ts
 * parseRetryAfter("2", Date.now()); // 2000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T07:27:58Z")); // 2000
 * ```
 */
export function parseRetryAfter(
  header: string | null | undefined,
  nowMs: number,
): number | undefined {
  if (header === null || header === undefined) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isFinite(at) ? Math.max(0, at - nowMs) : undefined;
}

/**
 * Exponential backoff with full jitter: uniform in [0, min(MAX_BACKOFF_MS, baseMs * 2^retry)).
 * `retry` counts from 0 (the wait before the first retry).
 *
 * @example
 * ```ts
 * backoffDelay(2, 200, () => 0.5); // 400
 * ```
 */
export function backoffDelay(retry: number, baseMs: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
