import { readFileSync } from "node:fs";

/** Reads a committed fixture of `scripts/make-xgboost-fixtures.py` (test helper only). */
export function xgboostFixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}

export interface XgboostPredictions {
  xgboost_version: string;
  rows: (number | null)[][];
  rows_market4: (number | null)[][];
  models: Record<string, { columns: number; predictions: number[] }>;
}

export const FIXTURE_PREDICTIONS = xgboostFixture("predictions.json") as XgboostPredictions;

/** The fixture model names, in the order the script trains them. */
export const FIXTURE_MODELS = Object.keys(FIXTURE_PREDICTIONS.models);

/** The rows a fixture model was predicted on, as float64 (null = missing = NaN). */
export function fixtureRows(name: string): Float64Array[] {
  const rows = name === "market4" ? FIXTURE_PREDICTIONS.rows_market4 : FIXTURE_PREDICTIONS.rows;
  return rows.map((r) => Float64Array.from(r, (v) => (v === null ? Number.NaN : v)));
}

/** Feature names that fit a fixture model's column count. */
export function columnsFor(name: string): string[] {
  return name === "market4"
    ? ["close", "simple_return", "moving_average", "rolling_volatility"]
    : ["close", "simple_return", "moving_average"];
}
