import { z } from "@hono/zod-openapi";
import { normalizeSymbol, SYMBOL_PATTERN } from "@mle/market-client";

/** Smallest and largest `lookback` the API accepts (the features library allows more). */
export const API_MIN_LOOKBACK = 2;
export const API_MAX_LOOKBACK = 250;
/** Default and largest number of feature rows returned by `/features`. */
export const DEFAULT_FEATURE_LIMIT = 100;
export const MAX_FEATURE_LIMIT = 1000;

const DIGITS = /^[0-9]{1,9}$/;

/** A query integer: digits only (no sign, exponent, fraction, hex or spaces), then a range. */
function queryInteger(name: string, min: number, max: number) {
  const message = `${name} must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(DIGITS, message)
    .transform(Number)
    .pipe(z.number().int(message).min(min, message).max(max, message));
}

/** `symbol`: 1–20 letters, digits, `.`, `-`, `_`; normalized to upper case. */
export const SymbolParam = z
  .string()
  .regex(SYMBOL_PATTERN, "symbol must be 1-20 characters of letters, digits, '.', '-' or '_'")
  // The pattern gives the 422 message and the OpenAPI text; normalizeSymbol (market-client owns
  // the rule) cannot fail after it and types the result as a validated MarketSymbol.
  .transform(normalizeSymbol)
  .openapi({
    param: { name: "symbol", in: "query" },
    description:
      "Ticker: 1-20 characters of letters, digits, `.`, `-`, `_` (pattern `^[A-Za-z0-9._-]{1,20}$`); upper-cased.",
    example: "AAPL",
  });

/** `lookback`: the feature window, an integer in [API_MIN_LOOKBACK, API_MAX_LOOKBACK]. */
export const LookbackParam = queryInteger("lookback", API_MIN_LOOKBACK, API_MAX_LOOKBACK).openapi({
  param: { name: "lookback", in: "query" },
  description: `Window length w for moving average and volatility: an integer from ${API_MIN_LOOKBACK} to ${API_MAX_LOOKBACK}, digits only.`,
  example: "20",
});

/** `limit`: how many feature rows to return, default 100, at most 1000. */
export const LimitParam = queryInteger("limit", 1, MAX_FEATURE_LIMIT)
  .optional()
  .openapi({
    param: { name: "limit", in: "query" },
    description: `Number of rows to return (the most recent ones): an integer from 1 to ${MAX_FEATURE_LIMIT}, default ${DEFAULT_FEATURE_LIMIT}.`,
    example: "100",
  });

/** Most columns one `/features` request may ask for. */
export const MAX_FEATURE_COLUMNS = 32;

/** `columns`: comma-separated column names; default the four v1 columns. Checked by @mle/features. */
export const ColumnsParam = z
  .string()
  .max(1000, "columns must be at most 1000 characters")
  .transform((s) => s.split(",").map((name) => name.trim()))
  .pipe(
    z
      .array(z.string().min(1, "columns must not hold an empty name"))
      .max(MAX_FEATURE_COLUMNS, `columns must name at most ${MAX_FEATURE_COLUMNS} columns`),
  )
  .optional()
  .openapi({
    param: { name: "columns", in: "query" },
    description:
      "Comma-separated column names (default `close,simple_return,moving_average,rolling_volatility`). A bare windowed name (`moving_average`) takes `lookback`; a parameterised name sets its own parameters (`moving_average_50`, `ema_12`, `rsi_14`), each parameter at most 250. Names and definitions: the @mle/features README.",
    example: "close,moving_average_5,moving_average_50,rsi_14",
  });
