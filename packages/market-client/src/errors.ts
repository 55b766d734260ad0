/** Stable codes of every {@link MarketDataError}. */
export const MarketDataErrorCode = {
  /** The source has no data for the symbol (upstream 404, no CSV file). */
  SYMBOL_NOT_FOUND: "SYMBOL_NOT_FOUND",
  /** Every attempt ran past the per-attempt timeout. */
  UPSTREAM_TIMEOUT: "UPSTREAM_TIMEOUT",
  /** Network failure, 429/5xx after all retries, or the circuit breaker is open. */
  UPSTREAM_UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  /** The source answered, but with something that is not valid candles (JSON, schema, a bad CSV row, a non-retried 4xx). */
  UPSTREAM_BAD_RESPONSE: "UPSTREAM_BAD_RESPONSE",
  /** Fewer candles than the caller needs. */
  INSUFFICIENT_DATA: "INSUFFICIENT_DATA",
  /** The symbol does not match `SYMBOL_PATTERN`. */
  INVALID_SYMBOL: "INVALID_SYMBOL",
  /** A configuration value (environment variable or option) is missing or malformed. */
  CONFIG_ERROR: "CONFIG_ERROR",
} as const;

export type MarketDataErrorCode = (typeof MarketDataErrorCode)[keyof typeof MarketDataErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(MarketDataErrorCode));

/** Names of every class in this file; the guard matches on them across loaded copies. */
const NAMES: ReadonlySet<string> = new Set([
  "MarketDataError",
  "SymbolNotFoundError",
  "UpstreamTimeoutError",
  "UpstreamUnavailableError",
  "UpstreamBadResponseError",
  "InsufficientDataError",
  "InvalidSymbolError",
  "ConfigError",
]);

export interface MarketDataErrorOptions {
  readonly cause?: unknown;
}

/**
 * Base class of every error thrown by `@mle/market-client`. `code` is stable; `message` is for people
 * and never contains the upstream URL's credentials or query string.
 *
 * @example
 * ```ts
 * try { await source.getCandles("AAPL", { limit: 100 }); }
 * catch (e) { if (isMarketDataError(e)) console.log(e.code); }
 * ```
 */
export class MarketDataError extends Error {
  override name: string = "MarketDataError";
  readonly code: MarketDataErrorCode;

  constructor(code: MarketDataErrorCode, message: string, options: MarketDataErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** The source has no data for `symbol`. */
export class SymbolNotFoundError extends MarketDataError {
  override name = "SymbolNotFoundError" as const;
  declare readonly code: "SYMBOL_NOT_FOUND";
  readonly symbol: string;
  constructor(symbol: string, message?: string, options: MarketDataErrorOptions = {}) {
    super("SYMBOL_NOT_FOUND", message ?? `Unknown symbol "${symbol}"`, options);
    this.symbol = symbol;
  }
}

/** The last attempt did not complete within `timeoutMs`. */
export class UpstreamTimeoutError extends MarketDataError {
  override name = "UpstreamTimeoutError" as const;
  declare readonly code: "UPSTREAM_TIMEOUT";
  readonly timeoutMs: number;
  readonly attempts: number;
  constructor(
    message: string,
    details: { timeoutMs: number; attempts: number },
    options: MarketDataErrorOptions = {},
  ) {
    super("UPSTREAM_TIMEOUT", message, options);
    this.timeoutMs = details.timeoutMs;
    this.attempts = details.attempts;
  }
}

/** The upstream could not be reached, kept answering 429/5xx, or the circuit breaker is open. */
export class UpstreamUnavailableError extends MarketDataError {
  override name = "UpstreamUnavailableError" as const;
  declare readonly code: "UPSTREAM_UNAVAILABLE";
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  readonly attempts: number;
  /** True when the call was refused by the open circuit breaker without touching the network. */
  readonly circuitOpen: boolean;
  constructor(
    message: string,
    details: { status?: number | undefined; attempts: number; circuitOpen?: boolean },
    options: MarketDataErrorOptions = {},
  ) {
    super("UPSTREAM_UNAVAILABLE", message, options);
    this.status = details.status;
    this.attempts = details.attempts;
    this.circuitOpen = details.circuitOpen ?? false;
  }
}

/** The source answered with data that is not valid candles. `index`/`line` and `field` locate the fault. */
export class UpstreamBadResponseError extends MarketDataError {
  override name = "UpstreamBadResponseError" as const;
  declare readonly code: "UPSTREAM_BAD_RESPONSE";
  readonly index: number | undefined;
  readonly line: number | undefined;
  readonly field: string | undefined;
  readonly status: number | undefined;
  constructor(
    message: string,
    details: {
      index?: number | undefined;
      line?: number | undefined;
      field?: string | undefined;
      status?: number | undefined;
    } = {},
    options: MarketDataErrorOptions = {},
  ) {
    super("UPSTREAM_BAD_RESPONSE", message, options);
    this.index = details.index;
    this.line = details.line;
    this.field = details.field;
    this.status = details.status;
  }
}

/** Fewer candles than needed. */
export class InsufficientDataError extends MarketDataError {
  override name = "InsufficientDataError" as const;
  declare readonly code: "INSUFFICIENT_DATA";
  readonly symbol: string;
  readonly needed: number;
  readonly available: number;
  constructor(symbol: string, needed: number, available: number, message?: string) {
    super(
      "INSUFFICIENT_DATA",
      message ?? `Symbol "${symbol}" has ${available} candles, ${needed} are needed`,
    );
    this.symbol = symbol;
    this.needed = needed;
    this.available = available;
  }
}

/** The symbol does not match `SYMBOL_PATTERN`. */
export class InvalidSymbolError extends MarketDataError {
  override name = "InvalidSymbolError" as const;
  declare readonly code: "INVALID_SYMBOL";
  readonly symbol: string;
  constructor(symbol: string, message: string) {
    super("INVALID_SYMBOL", message);
    this.symbol = symbol;
  }
}

/** A configuration value is missing or malformed; `variable` names it (e.g. `MARKET_DATA_TIMEOUT_MS`). */
export class ConfigError extends MarketDataError {
  override name = "ConfigError" as const;
  declare readonly code: "CONFIG_ERROR";
  readonly variable: string;
  constructor(variable: string, message: string, options: MarketDataErrorOptions = {}) {
    super("CONFIG_ERROR", message, options);
    this.variable = variable;
  }
}

/**
 * True for any {@link MarketDataError} (subclasses included), also one created by another loaded copy of
 * this package (matched by `name` and a known `code`). Pass `code` to narrow further.
 *
 * @example
 * ```ts
 * if (isMarketDataError(err, "SYMBOL_NOT_FOUND")) return notFound(err.message);
 * ```
 */
export function isMarketDataError<C extends MarketDataErrorCode = MarketDataErrorCode>(
  error: unknown,
  code?: C,
): error is MarketDataError & { readonly code: C } {
  let matches = error instanceof MarketDataError;
  if (!matches && typeof error === "object" && error !== null) {
    const { name, code: c } = error as { name?: unknown; code?: unknown };
    matches = typeof name === "string" && NAMES.has(name) && typeof c === "string" && CODES.has(c);
  }
  return matches && (code === undefined || (error as { code: unknown }).code === code);
}
