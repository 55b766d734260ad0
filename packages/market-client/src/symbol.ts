import { InvalidSymbolError } from "./errors";

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
export function normalizeSymbol(symbol: string): string {
  if (typeof symbol !== "string" || !SYMBOL_PATTERN.test(symbol)) {
    const shown = typeof symbol === "string" ? JSON.stringify(symbol.slice(0, 40)) : typeof symbol;
    throw new InvalidSymbolError(
      String(symbol),
      `Invalid symbol ${shown}: expected 1-20 letters, digits, ".", "_" or "-"`,
    );
  }
  return symbol.toUpperCase();
}
