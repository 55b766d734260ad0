import {
  createMarketDataSource,
  type MarketDataConfig,
  type MarketDataSource,
} from "@mle/market-client";
import type { ApiMetrics, CircuitState } from "./metrics/api-metrics";
import { recordUpstreamEvent } from "./metrics/upstream-events";

function breakerStateOf(source: MarketDataSource): CircuitState | undefined {
  const state = (source as { breakerState?: unknown }).breakerState;
  return state === "closed" || state === "open" || state === "half-open" ? state : undefined;
}

/**
 * Builds the configured market data source. The http source reports its attempts, retries,
 * failures and breaker transitions into `metrics`; the breaker gauge is also refreshed at scrape.
 *
 * @example
 * ```ts
 * const source = createSource(loadMarketDataConfig(process.env), metrics);
 * ```
 */
export function createSource(config: MarketDataConfig, metrics: ApiMetrics): MarketDataSource {
  const source = createMarketDataSource(config, {
    onEvent: (e) => recordUpstreamEvent(metrics, e),
  });
  const initial = breakerStateOf(source);
  if (initial !== undefined) {
    metrics.setCircuitState(initial);
    metrics.registry.onCollect(() => {
      const state = breakerStateOf(source);
      if (state !== undefined) metrics.setCircuitState(state);
    });
  }
  return source;
}
