/**
 * Formats a metric for a table: 6 significant digits, `-` for missing or non-finite values.
 *
 * @example
 * formatNumber(0.0123456789); // "0.0123457"
 */
export function formatNumber(x: number | undefined | null, digits = 6): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return "-";
  return Number(x.toPrecision(digits)).toString();
}

/**
 * Formats a fraction as a percentage with one decimal.
 *
 * @example
 * formatPercent(0.5412); // "54.1%"
 */
export function formatPercent(x: number | undefined | null): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return "-";
  return `${(x * 100).toFixed(1)}%`;
}

/**
 * `mean ± std` with the given formatter.
 *
 * @example
 * formatMeanStd(0.5, 0.01, formatPercent); // "50.0% ± 1.0%"
 */
export function formatMeanStd(
  mean: number | undefined,
  std: number | undefined,
  fmt: (x: number | undefined) => string = formatNumber,
): string {
  return `${fmt(mean)} ± ${fmt(std)}`;
}
