import { InvalidSymbolError } from "./errors";

declare const validated: unique symbol;

/**
 * A symbol that passed {@link normalizeSymbol}: upper-case, matching {@link SYMBOL_PATTERN}. Only
 * `normalizeSymbol` makes one, so a function taking a `MarketSymbol` needs no check of its own.
 */
export type MarketSymbol = string & { readonly [validated]: true };

/** 1 to 20 letters, digits, `.`, `_` or `-`. */
export const SYMBOL_PATTERN = /^[A-Za-z0-9._-]{1,20}$/;

/**
 * Validates a symbol and upper-cases it.
 *
 * @throws InvalidSymbolError (code `INVALID_SYMBOL`) when it does not match {@link SYMBOL_PATTERN}.
 * @example
 * ```ts
 * normalizeSymbol("brk.b"); // "BRK.B"
 * ```
 */
export function normalizeSymbol(symbol: string): MarketSymbol {
  if (typeof symbol !== "string" || !SYMBOL_PATTERN.test(symbol)) {
    const shown = typeof symbol === "string" ? JSON.stringify(symbol.slice(0, 40)) : typeof symbol;
    throw new InvalidSymbolError(
      String(symbol),
      `Invalid symbol ${shown}: expected 1-20 letters, digits, ".", "_" or "-"`,
    );
  }
  return symbol.toUpperCase() as MarketSymbol;
}
