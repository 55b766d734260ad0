import type { BreakerState } from "./circuit-breaker";
import type { MarketDataConfig } from "./config";
import { createCsvSource } from "./csv-source";
import { ConfigError } from "./errors";
import type { UpstreamEvent } from "./events";
import { createHttpSource } from "./http-source";
import { createSampleSource } from "./sample-source";
import type { MarketDataSource } from "./source";

/** Run-time collaborators of the http source that do not belong in configuration. */
export interface MarketDataHooks {
  onEvent?: (event: UpstreamEvent) => void;
  random?: () => number;
  now?: () => number;
  breaker?: { failureThreshold?: number; resetMs?: number };
}

/**
 * What {@link createMarketDataSource} builds: any source; the http one also reports the state of
 * its circuit breaker (for a gauge), the others have none.
 */
export type ConfiguredSource = MarketDataSource & { readonly breakerState?: BreakerState };

/**
 * Builds the source named by `config.source`.
 *
 * @throws ConfigError naming `MARKET_DATA_BASE_URL` / `MARKET_DATA_CSV_DIR` when the source needs it and it is missing.
 * @example
 * ```ts
 * const source = createMarketDataSource(loadMarketDataConfig(process.env), { onEvent: recordMetric });
 * ```
 */
export function createMarketDataSource(
  config: MarketDataConfig,
  hooks: MarketDataHooks = {},
): ConfiguredSource {
  const source = config.source;
  switch (source) {
    case "sample":
      return createSampleSource(config.seed === undefined ? {} : { seed: config.seed });
    case "csv":
      if (!config.csvDir) {
        throw new ConfigError(
          "MARKET_DATA_CSV_DIR",
          "MARKET_DATA_CSV_DIR is required when MARKET_DATA_SOURCE=csv",
        );
      }
      return createCsvSource({ dir: config.csvDir });
    case "http":
      if (!config.baseUrl) {
        throw new ConfigError(
          "MARKET_DATA_BASE_URL",
          "MARKET_DATA_BASE_URL is required when MARKET_DATA_SOURCE=http",
        );
      }
      return createHttpSource({
        baseUrl: config.baseUrl,
        ...(config.timeoutMs === undefined ? {} : { timeoutMs: config.timeoutMs }),
        ...(config.maxRetries === undefined ? {} : { maxRetries: config.maxRetries }),
        ...(config.backoffMs === undefined ? {} : { backoffMs: config.backoffMs }),
        ...(config.maxResponseBytes === undefined
          ? {}
          : { maxResponseBytes: config.maxResponseBytes }),
        ...(config.followRedirects === undefined
          ? {}
          : { followRedirects: config.followRedirects }),
        ...hooks,
      });
    default: {
      const unknown: never = source;
      throw new ConfigError(
        "MARKET_DATA_SOURCE",
        `MARKET_DATA_SOURCE: expected one of sample | csv | http, got ${JSON.stringify(unknown)}`,
      );
    }
  }
}
