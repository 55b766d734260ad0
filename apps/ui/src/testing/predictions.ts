/**
 * Test data for the plot code: a small predictions artifact that every plot test reads.
 * @module
 */
import type { Predictions } from "../types";

/** Two symbols; fold 0 rows then validation (-1) rows, deliberately not in time order. */
export const TWO_SYMBOLS: Predictions = {
  format: "mle.predictions",
  format_version: 1,
  level: 0.9,
  interval_method: "split-conformal",
  digits: 6,
  symbols: ["AAA", "BBB"],
  timestamps: [1, 1, 3, 2, 3, 2],
  symbol: [0, 1, 0, 0, 1, 1],
  fold: [0, 0, -1, -1, -1, -1],
  actual: [0.01, -0.02, 0.03, -0.01, 0.02, 0.0],
  predicted: [0.0, 0.01, 0.01, 0.01, -0.01, 0.005],
  lower: [-0.02, -0.01, -0.01, -0.01, -0.03, -0.015],
  upper: [0.02, 0.03, 0.02, 0.03, 0.01, 0.025],
};
