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
    name: "MARKET_DATA_MAX_RESPONSE_BYTES",
    description:
      "Largest upstream body read, in bytes (1024-1073741824); a larger Content-Length is refused unread and a body growing past it is cut (UPSTREAM_BAD_RESPONSE). The default 4 MiB holds about 26000 candles.",
    default: "4194304",
  },
  {
    name: "MARKET_DATA_FOLLOW_REDIRECTS",
    description:
      "none: an upstream redirect is UPSTREAM_BAD_RESPONSE; same-origin: follow up to 5 redirects within the upstream's scheme, host and port (never to another host or port).",
    default: "none",
  },
  {
    name: "MARKET_DATA_SEED",
    description:
      "Seed of the sample source; the same seed gives the same candles on every machine (safe integer).",
    default: "42",
  },
];
