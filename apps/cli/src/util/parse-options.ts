import { InvalidArgumentError } from "commander";

/**
 * commander option parser for integers; rejects "12abc", "1.5" and empty input.
 *
 * @example
 * new Option("--lookback <n>").argParser(parseInteger);
 */
export function parseInteger(value: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new InvalidArgumentError("expected an integer.");
  return Number(value);
}

/**
 * commander option parser for an integer or the word `auto`.
 *
 * @example
 * new Option("--gap <n>").argParser(parseIntegerOrAuto);
 */
export function parseIntegerOrAuto(value: string): number | "auto" {
  if (value.trim() === "auto") return "auto";
  if (!/^-?\d+$/.test(value.trim()))
    throw new InvalidArgumentError('expected an integer or "auto".');
  return Number(value);
}

/**
 * commander option parser for finite numbers.
 *
 * @example
 * new Option("--alpha <x>").argParser(parseNumber);
 */
export function parseNumber(value: string): number {
  const n = value.trim() === "" ? Number.NaN : Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError("expected a number.");
  return n;
}

/**
 * commander option parser for comma-separated lists ("AAPL,MSFT" or "AAPL, MSFT").
 *
 * @example
 * parseList("AAPL, msft"); // ["AAPL", "msft"]
 */
export function parseList(value: string): string[] {
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (items.length === 0) throw new InvalidArgumentError("expected a comma-separated list.");
  return items;
}

/**
 * commander option parser for TCP ports: an integer in [0, 65535] (0 picks a free port).
 *
 * @example
 * new Option("--port <n>").argParser(parsePort);
 */
export function parsePort(value: string): number {
  if (!/^\d+$/.test(value.trim())) {
    throw new InvalidArgumentError("expected a port, an integer in [0, 65535].");
  }
  const n = Number(value);
  if (n > 65535) throw new InvalidArgumentError("expected a port, an integer in [0, 65535].");
  return n;
}
