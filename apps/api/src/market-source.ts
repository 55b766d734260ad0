import {
  type ConfiguredSource,
  createMarketDataSource,
  type MarketDataConfig,
} from "@mle/market-client";
import type { ApiMetrics } from "./metrics/api-metrics";
import { recordUpstreamEvent } from "./metrics/upstream-events";

/**
 * Builds the configured market data source. The http source reports its attempts, retries,
 * failures and breaker transitions into `metrics`; the breaker gauge is also refreshed at scrape.
 *
 * @example
 * ```ts
 * const source = createSource(loadMarketDataConfig(process.env), metrics);
 * ```
 */
export function createSource(config: MarketDataConfig, metrics: ApiMetrics): ConfiguredSource {
  const source = createMarketDataSource(config, {
    onEvent: (e) => recordUpstreamEvent(metrics, e),
  });
  if (source.breakerState !== undefined) {
    metrics.setCircuitState(source.breakerState);
    metrics.registry.onCollect(() => {
      if (source.breakerState !== undefined) metrics.setCircuitState(source.breakerState);
    });
  }
  return source;
}
