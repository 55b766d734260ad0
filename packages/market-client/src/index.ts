/**
 * @mle/market-client: market candles from the embedded sample, CSV files or an HTTP upstream, with
 * strict normalization, retries, timeouts, a circuit breaker and typed errors. The reference
 * upstream and its fault injection are on `@mle/market-client/testing`.
 * @module
 */
export { DEFAULT_MAX_RESPONSE_BYTES } from "./bounded-body";
export type { Candle } from "./candle";
export { candleSchema } from "./candle";
export { EPOCH_SECONDS_LIMIT } from "./candle-fields";
export type { BreakerState, CircuitBreaker, CircuitBreakerOptions } from "./circuit-breaker";
export { createCircuitBreaker } from "./circuit-breaker";
export type { LoadedMarketDataConfig, MarketDataConfig, MarketDataSourceKind } from "./config";
export { loadMarketDataConfig, MARKET_DATA_SOURCES, marketDataEnvSchema } from "./config";
export type { ConfiguredSource, MarketDataHooks } from "./create-source";
export { createMarketDataSource } from "./create-source";
export { parseCandleCsv, splitCsvLine } from "./csv-parse";
export type { CsvSourceOptions } from "./csv-source";
export { createCsvSource } from "./csv-source";
export type { EnvVarDoc } from "./env-docs";
export { MARKET_DATA_ENV_DOCS } from "./env-docs";
export type { MarketDataErrorOptions } from "./errors";
export {
  ConfigError,
  InsufficientDataError,
  InvalidSymbolError,
  isMarketDataError,
  MarketDataError,
  MarketDataErrorCode,
  SymbolNotFoundError,
  UpstreamBadResponseError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";
export type { UpstreamEvent, UpstreamEventType } from "./events";
export type { HttpSource, HttpSourceOptions } from "./http-source";
export {
  createHttpSource,
  DEFAULT_BACKOFF_MS,
  DEFAULT_FUTURE_TOLERANCE_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
} from "./http-source";
export type { NormalizeOptions } from "./normalize";
export { normalizeCandles } from "./normalize";
export type { RedirectPolicy } from "./redirects";
export { MAX_REDIRECTS, REDIRECT_POLICIES } from "./redirects";
export { requireCandles } from "./require-candles";
export { backoffDelay, DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter } from "./retry-policy";
export type { SamplePath } from "./sample-price-path";
export { generateSamplePath, SAMPLE_ORIGIN, SAMPLE_PROCESS } from "./sample-price-path";
export type { SampleSourceOptions } from "./sample-source";
export { createSampleSource, DEFAULT_SAMPLE_END_DATE, DEFAULT_SAMPLE_SEED } from "./sample-source";
export type { FetchCandles, GetCandlesOptions, MarketDataSource } from "./source";
export { withPreamble } from "./source";
export type { MarketSymbol } from "./symbol";
export { normalizeSymbol, SYMBOL_PATTERN } from "./symbol";
