import { abortableSleep } from "./abortable-sleep";
import { DEFAULT_MAX_RESPONSE_BYTES } from "./bounded-body";
import type { Candle } from "./candle";
import { type BreakerOutcome, type BreakerState, createCircuitBreaker } from "./circuit-breaker";
import { isMarketDataError, UpstreamUnavailableError } from "./errors";
import type { UpstreamEvent } from "./events";
import { type AttemptContext, AttemptFailure, fetchCandlesOnce } from "./http-attempt";
import { REDIRECT_POLICIES, type RedirectPolicy } from "./redirects";
import { backoffDelay, DEFAULT_MAX_RETRY_AFTER_MS } from "./retry-policy";
import { type MarketDataSource, withPreamble } from "./source";
import { prepareUpstreamUrl } from "./upstream-url";

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_BACKOFF_MS = 200;
/** A candle may be dated this far past the clock (one day: a daily bar stamped with its close). */
export const DEFAULT_FUTURE_TOLERANCE_MS = 86_400_000;

export interface HttpSourceOptions {
  /** Upstream base URL; requests go to `{baseUrl}/candles?symbol=…&limit=…`. */
  baseUrl: string;
  /** Per-attempt limit from sending the request to reading the whole body; default 5000. */
  timeoutMs?: number;
  /** Retries after the first attempt (so at most 1 + maxRetries requests per call); default 3. */
  maxRetries?: number;
  /** Base of the exponential backoff with full jitter; default 200. */
  backoffMs?: number;
  /** Upper bound on a wait taken from `Retry-After`; default 10 000. */
  maxRetryAfterMs?: number;
  /**
   * Largest body read, in bytes; default 4 MiB. A larger `Content-Length` is refused unread, a body
   * growing past it is cut: both `UPSTREAM_BAD_RESPONSE`, not retried.
   */
  maxResponseBytes?: number;
  /** `none` (default): a 3xx is `UPSTREAM_BAD_RESPONSE`. `same-origin`: up to 5 hops within the upstream's origin. */
  followRedirects?: RedirectPolicy;
  /** Candles dated later than `now() + futureToleranceMs` are `UPSTREAM_BAD_RESPONSE`; default one day. */
  futureToleranceMs?: number;
  /** Circuit breaker: opens after `failureThreshold` (5) failed calls, probes after `resetMs` (30 000). */
  breaker?: { failureThreshold?: number; resetMs?: number };
  /** Uniform [0, 1) source for the jitter; inject for deterministic tests. */
  random?: () => number;
  /** Clock in epoch ms for the breaker, `Retry-After` dates, durations and the future-candle check; default `Date.now`. */
  now?: () => number;
  /** Observer of requests, retries, outcomes and breaker changes. Exceptions it throws are ignored. */
  onEvent?: (event: UpstreamEvent) => void;
}

export type HttpSource = MarketDataSource & { readonly breakerState: BreakerState };

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/**
 * The client of the upstream Market Data Platform, on plain `fetch`. Every attempt is bounded in time
 * (headers and body) and in size, and follows no redirect unless told to. Retries network errors, timeouts, 429 and 5xx
 * with exponential backoff and full jitter (or the `Retry-After` wait); 404 is `SYMBOL_NOT_FOUND`; other
 * 4xx, bad JSON and schema violations are `UPSTREAM_BAD_RESPONSE` without retry. A circuit breaker fails
 * fast with `UPSTREAM_UNAVAILABLE` while the upstream is down; in half-open state the probe is one
 * attempt without retries.
 *
 * @example
 * ```ts
 * const source = createHttpSource({ baseUrl: "http://127.0.0.1:9000", onEvent: (e) => console.log(e.type) });
 * const candles = await source.getCandles("AAPL", { limit: 100 });
 * ```
 */
export function createHttpSource(options: HttpSourceOptions): HttpSource {
  const url = prepareUpstreamUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
    throw new RangeError(`timeoutMs must be a positive integer, got ${String(timeoutMs)}`);
  }
  const maxRetries = nonNegativeInteger("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const backoffMs = nonNegativeInteger("backoffMs", options.backoffMs ?? DEFAULT_BACKOFF_MS);
  const maxRetryAfterMs = nonNegativeInteger(
    "maxRetryAfterMs",
    options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
  );
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw new RangeError(
      `maxResponseBytes must be a positive integer, got ${String(maxResponseBytes)}`,
    );
  }
  const futureToleranceMs = nonNegativeInteger(
    "futureToleranceMs",
    options.futureToleranceMs ?? DEFAULT_FUTURE_TOLERANCE_MS,
  );
  const followRedirects = options.followRedirects ?? "none";
  if (!REDIRECT_POLICIES.includes(followRedirects)) {
    throw new RangeError(
      `followRedirects must be one of ${REDIRECT_POLICIES.join(" | ")}, got ${String(followRedirects)}`,
    );
  }
  // Jitter is not a computation whose result must be reproducible; tests inject `random`.
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const emit = (event: UpstreamEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // An observer must never break a data call.
    }
  };
  const breaker = createCircuitBreaker({
    ...options.breaker,
    now,
    onStateChange: (from, to) => emit({ type: "breaker", from, to }),
  });
  const headers = {
    accept: "application/json",
    ...(url.authorization ? { authorization: url.authorization } : {}),
  };

  const run = async (
    symbol: string,
    limit: number,
    retries: number,
    signal: AbortSignal | undefined,
    progress: { attempts: number },
  ): Promise<Candle[]> => {
    for (let attempt = 1; ; attempt++) {
      progress.attempts = attempt;
      const started = now();
      const ctx: AttemptContext = {
        url,
        headers,
        timeoutMs,
        maxResponseBytes,
        followRedirects,
        futureToleranceMs,
        now,
        onStatus: (status) =>
          emit({ type: "response", symbol, attempt, status, durationMs: now() - started }),
      };
      emit({ type: "request", symbol, attempt });
      try {
        return await fetchCandlesOnce(ctx, symbol, limit, signal);
      } catch (e) {
        if (!(e instanceof AttemptFailure)) throw e;
        if (!e.retryable || attempt > retries) throw e.toError(attempt);
        const fromHeader = e.retryAfterMs !== undefined;
        const delayMs = fromHeader
          ? Math.min(e.retryAfterMs!, maxRetryAfterMs)
          : backoffDelay(attempt - 1, backoffMs, random);
        emit({ type: "retry", symbol, attempt, delayMs, reason: e.reason, retryAfter: fromHeader });
        await abortableSleep(delayMs, signal);
      }
    }
  };

  return {
    kind: "http",
    get breakerState() {
      return breaker.state;
    },
    getCandles: withPreamble(async (sym, limit, signal): Promise<Candle[]> => {
      const started = now();
      const ticket = breaker.acquire();
      if (!ticket.allowed) {
        emit({
          type: "failure",
          symbol: sym,
          attempts: 0,
          code: "UPSTREAM_UNAVAILABLE",
          circuitOpen: true,
          durationMs: 0,
        });
        throw new UpstreamUnavailableError(
          `Upstream ${url.display} is unavailable: circuit open after repeated failures`,
          { attempts: 0, circuitOpen: true },
        );
      }
      let outcome: BreakerOutcome = "neutral";
      const progress = { attempts: 0 };
      try {
        const candles = await run(sym, limit, ticket.probe ? 0 : maxRetries, signal, progress);
        outcome = "success";
        const recent = candles.length > limit ? candles.slice(-limit) : candles;
        emit({
          type: "success",
          symbol: sym,
          attempts: progress.attempts,
          candles: recent.length,
          durationMs: now() - started,
        });
        return recent;
      } catch (e) {
        if (isMarketDataError(e)) {
          outcome = e.code === "SYMBOL_NOT_FOUND" ? "success" : "failure";
          emit({
            type: "failure",
            symbol: sym,
            attempts: progress.attempts,
            code: e.code,
            circuitOpen: false,
            durationMs: now() - started,
          });
        }
        throw e;
      } finally {
        breaker.settle(ticket, outcome);
      }
    }),
  };
}
