import { mulberry32 } from "./random";

/**
 * `y = sin(3·x0) + x1·x2 + sigma·e` with x ~ U(-1, 1)^cols (columns past 3 are pure noise inputs)
 * and e standard normal (Box-Muller on mulberry32). Test helper only.
 */
export function synthetic(rows: number, seed: number, sigma = 0.3, cols = 5) {
  const random = mulberry32(seed);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) X[i * cols + j] = 2 * random() - 1;
    const e = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const o = i * cols;
    y[i] = Math.sin(3 * X[o]!) + X[o + 1]! * X[o + 2]! + sigma * e;
  }
  return { X, y, cols };
}

export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (actual[i]! - predicted[i]!) ** 2;
  return Math.sqrt(s / actual.length);
}
