/**
 * @mle/market-client: market candles from the embedded sample, CSV files or an HTTP upstream.
 * @module
 */
export type { Candle } from "./candle";
export { candleSchema } from "./candle";
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
export type { MarketDataErrorOptions } from "./errors";
export { EPOCH_SECONDS_LIMIT } from "./candle-fields";
export { parseCandleCsv } from "./csv-parse";
export { createCsvSource } from "./csv-source";
export type { CsvSourceOptions } from "./csv-source";
export { normalizeCandles } from "./normalize";
export { requireCandles } from "./require-candles";
export { generateSamplePath, SAMPLE_ORIGIN, SAMPLE_PROCESS } from "./sample-process";
export type { SamplePath } from "./sample-process";
export { createSampleSource, DEFAULT_SAMPLE_END_DATE, DEFAULT_SAMPLE_SEED } from "./sample-source";
export type { SampleSourceOptions } from "./sample-source";
export type { GetCandlesOptions, MarketDataSource } from "./source";
export { normalizeSymbol, SYMBOL_PATTERN } from "./symbol";
