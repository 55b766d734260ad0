/** One environment variable read by {@link loadMarketDataConfig}. */
export interface EnvVarDoc {
  readonly name: string;
  readonly description: string;
  /** Default as written in `.env.example`; `undefined` when there is none. */
  readonly default: string | undefined;
  /** When the variable must be set. */
  readonly requiredWhen?: string;
}

/** Every variable of this package, in `.env.example` order; the docs check compares the two. */
export const MARKET_DATA_ENV_DOCS: readonly EnvVarDoc[] = [
  {
    name: "MARKET_DATA_SOURCE",
    description:
      "Where candles come from: sample (embedded synthetic data), csv (a folder of <SYMBOL>.csv) or http (the upstream).",
    default: "sample",
  },
  {
    name: "MARKET_DATA_BASE_URL",
    description:
      "Base URL of the upstream Market Data Platform; requests go to {base}/candles?symbol=XYZ&limit=N.",
    default: undefined,
    requiredWhen: "MARKET_DATA_SOURCE=http",
  },
  {
    name: "MARKET_DATA_CSV_DIR",
    description:
      "Folder of <SYMBOL>.csv files (Yahoo-style or timestamp,open,high,low,close,volume header).",
    default: undefined,
    requiredWhen: "MARKET_DATA_SOURCE=csv",
  },
  {
    name: "MARKET_DATA_TIMEOUT_MS",
    description: "Per-attempt timeout of an upstream request, in milliseconds (1-600000).",
    default: "5000",
  },
  {
    name: "MARKET_DATA_MAX_RETRIES",
    description: "Retries after the first attempt on network errors, timeouts, 429 and 5xx (0-10).",
    default: "3",
  },
  {
    name: "MARKET_DATA_BACKOFF_MS",
    description:
      "Base of the exponential backoff with full jitter between retries, in milliseconds (0-60000).",
    default: "200",
  },
  {
    name: "MARKET_DATA_SEED",
    description:
      "Seed of the sample source; the same seed gives the same candles on every machine (safe integer).",
    default: "42",
  },
];
