import { type Counter, type Gauge, type Histogram, MetricsRegistry } from "./prometheus";

/** Latency buckets in seconds, from 1 ms to 30 s. */
export const LATENCY_BUCKETS_S = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
] as const;

/** Circuit-breaker states and their numeric gauge value. */
export const CIRCUIT_STATE_VALUE = { closed: 0, "half-open": 1, open: 2 } as const;
export type CircuitState = keyof typeof CIRCUIT_STATE_VALUE;

/**
 * Every series the API exposes on `/metrics`. Routes and libraries increment these;
 * the model routes use `cacheHits`, `cacheMisses`, `predictions` and `setActiveModelVersion`.
 */
export interface ApiMetrics {
  readonly registry: MetricsRegistry;
  /** `mle_http_requests_total{method,route,status}`; `route` is the route pattern, or "unmatched". */
  readonly httpRequests: Counter;
  /** `mle_http_request_duration_seconds{method,route,status}`. */
  readonly httpDuration: Histogram;
  /** `mle_upstream_requests_total`: HTTP attempts started against the market data upstream. */
  readonly upstreamRequests: Counter;
  /** `mle_upstream_responses_total{status_class}`: answers received (2xx, 4xx, 5xx...). */
  readonly upstreamResponses: Counter;
  /** `mle_upstream_calls_total{outcome}`: getCandles calls, `success` or `failure`. */
  readonly upstreamCalls: Counter;
  /** `mle_upstream_call_duration_seconds{outcome}`: whole calls, retries included. */
  readonly upstreamCallDuration: Histogram;
  /** `mle_upstream_retries_total{reason}`: `timeout`, `network` or `status <code>`. */
  readonly upstreamRetries: Counter;
  /** `mle_upstream_failures_total{code,circuit_open}`: calls that failed after retries or were refused. */
  readonly upstreamFailures: Counter;
  /** `mle_upstream_circuit_state` 0 closed, 1 half-open, 2 open. */
  readonly circuitState: Gauge;
  /** `mle_cache_hits_total{cache}` / `mle_cache_misses_total{cache}`. */
  readonly cacheHits: Counter;
  readonly cacheMisses: Counter;
  /** `mle_http_requests_in_flight`: requests being answered now (set from a plain count at scrape). */
  readonly inFlight: { enter(): void; leave(): void };
  /** `mle_predictions_total{model_version}`. */
  readonly predictions: Counter;
  /** `mle_active_model_version{version}` = 1 for the active version only. */
  readonly activeModelVersion: Gauge;
  /** Sets the active model version gauge (null: no active model, no series). */
  setActiveModelVersion(version: string | null): void;
  /** Sets the circuit state gauge. */
  setCircuitState(state: CircuitState): void;
}

/**
 * Creates the API's metrics on a fresh registry (one per app: no global state).
 *
 * @example
 * ```ts
 * const metrics = createApiMetrics({ version: "0.1.0", uptimeSeconds: () => process.uptime() });
 * metrics.predictions.inc({ model_version: "v3" });
 * metrics.registry.render();
 * ```
 */
export function createApiMetrics(options: {
  version: string;
  uptimeSeconds: () => number;
}): ApiMetrics {
  const registry = new MetricsRegistry();
  const buildInfo = registry.gauge("mle_build_info", "Build information; value is always 1.", [
    "version",
  ]);
  buildInfo.set({ version: options.version }, 1);
  const uptime = registry.gauge("mle_process_uptime_seconds", "Seconds since the API started.");
  const heap = registry.gauge("mle_process_heap_used_bytes", "V8 heap in use, in bytes.");
  registry.onCollect(() => {
    uptime.set({}, options.uptimeSeconds());
    heap.set({}, process.memoryUsage().heapUsed);
  });
  // A plain number on the request path; the gauge reads it only when /metrics is rendered.
  let inFlight = 0;
  const inFlightGauge = registry.gauge(
    "mle_http_requests_in_flight",
    "HTTP requests being answered now (this scrape included).",
  );
  registry.onCollect(() => inFlightGauge.set({}, inFlight));
  const labels = ["method", "route", "status"];
  const activeModelVersion = registry.gauge(
    "mle_active_model_version",
    "The active model version (value 1 on the active version's series).",
    ["version"],
  );
  const circuitState = registry.gauge(
    "mle_upstream_circuit_state",
    "Market data upstream circuit breaker: 0 closed, 1 half-open, 2 open.",
  );
  return {
    registry,
    httpRequests: registry.counter("mle_http_requests_total", "HTTP requests answered.", labels),
    httpDuration: registry.histogram(
      "mle_http_request_duration_seconds",
      "HTTP request latency in seconds.",
      labels,
      LATENCY_BUCKETS_S,
    ),
    upstreamRequests: registry.counter(
      "mle_upstream_requests_total",
      "HTTP attempts started against the market data upstream.",
    ),
    upstreamResponses: registry.counter(
      "mle_upstream_responses_total",
      "Answers from the market data upstream, by status class.",
      ["status_class"],
    ),
    upstreamCalls: registry.counter(
      "mle_upstream_calls_total",
      "Market data calls (retries included), by outcome.",
      ["outcome"],
    ),
    upstreamCallDuration: registry.histogram(
      "mle_upstream_call_duration_seconds",
      "Market data call duration in seconds, retries included.",
      ["outcome"],
      LATENCY_BUCKETS_S,
    ),
    upstreamRetries: registry.counter(
      "mle_upstream_retries_total",
      "Retried upstream attempts, by reason.",
      ["reason"],
    ),
    upstreamFailures: registry.counter(
      "mle_upstream_failures_total",
      "Market data calls that failed after all retries or were refused by the open circuit, by code.",
      ["code", "circuit_open"],
    ),
    circuitState,
    cacheHits: registry.counter("mle_cache_hits_total", "Cache hits.", ["cache"]),
    cacheMisses: registry.counter("mle_cache_misses_total", "Cache misses.", ["cache"]),
    predictions: registry.counter(
      "mle_predictions_total",
      "Predictions served, by model version.",
      ["model_version"],
    ),
    inFlight: {
      enter: () => {
        inFlight++;
      },
      leave: () => {
        inFlight--;
      },
    },
    activeModelVersion,
    setActiveModelVersion(version) {
      activeModelVersion.clear();
      if (version !== null) activeModelVersion.set({ version }, 1);
    },
    setCircuitState(state) {
      circuitState.set({}, CIRCUIT_STATE_VALUE[state]);
    },
  };
}
