import { FEATURE_NAMES } from "../names";

/** Every feature: bare names under `lookback` plus MACD and k-bar returns with small parameters. */
export function everyColumn(w: number): string[] {
  const f = Math.max(1, w - 1);
  return [
    ...FEATURE_NAMES.filter((n) => !n.startsWith("macd")),
    `macd_${f}_${w + 1}_${w}`,
    `macd_signal_${f}_${w + 1}_${w}`,
    `macd_histogram_${f}_${w + 1}_${w}`,
    `simple_return_${w}`,
    `log_return_${w}`,
  ];
}
