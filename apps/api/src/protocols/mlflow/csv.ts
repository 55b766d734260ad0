/**
 * The small CSV reader `/invocations` needs: a header row of column names, then rows of numbers.
 * Fields may be double-quoted (`""` is a quote); rows end with LF or CRLF; a final newline is fine.
 * Lines are split by market-client's `splitCsvLine`, the one CSV field splitter.
 * @module
 */
import { splitCsvLine } from "@mle/market-client";

/** Header and rows of a CSV text, every field as written. */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Splits CSV text into its header and rows (quoted fields cannot span lines: a feature row has
 * numbers only).
 *
 * @example
 * ```ts
 * parseCsv("close,ema\n1.5,1.4\n"); // { columns: ["close", "ema"], rows: [["1.5", "1.4"]] }
 * ```
 */
export function parseCsv(text: string): CsvTable {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const [header, ...rest] = lines;
  return {
    columns: header === undefined ? [] : splitCsvLine(header),
    rows: rest.map(splitCsvLine),
  };
}
