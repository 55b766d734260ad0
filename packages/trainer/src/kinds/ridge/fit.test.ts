import { Matrix, QrDecomposition } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { codeOf } from "../../test-support";
import { fitRidge } from "./fit";
import { predictRow } from "./predict";
import fixture from "./ridge.fixture.json";

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

/** Seeded LCG in [0, 1), for test data only. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function syntheticData(rows: number, cols: number, seed: number, noise = 0.1) {
  const random = lcg(seed);
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  const truth = Array.from({ length: cols }, (_, j) => (j % 2 === 0 ? 1 : -1) * (j + 1) * 0.5);
  for (let i = 0; i < rows; i++) {
    let v = 2;
    for (let j = 0; j < cols; j++) {
      const x = gaussian(random) * (j + 1) + j * 10 + (j > 0 ? 0.3 * X[i * cols]! : 0);
      X[i * cols + j] = x;
      v += truth[j]! * x;
    }
    y[i] = v + noise * gaussian(random);
  }
  return { X, y, cols, truth };
}

/** Independent reference: QR least squares on the full augmented standardized design matrix. */
function qrReference(
  X: Float64Array,
  y: Float64Array,
  cols: number,
  start: number,
  end: number,
  alpha: number,
) {
  const n = end - start;
  const means = Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let i = start; i < end; i++) s += X[i * cols + j]!;
    return s / n;
  });
  const scales = means.map((m, j) => {
    let s = 0;
    for (let i = start; i < end; i++) s += (X[i * cols + j]! - m) ** 2;
    return Math.sqrt(s / n);
  });
  let yMean = 0;
  for (let i = start; i < end; i++) yMean += y[i]!;
  yMean /= n;
  const A = new Matrix(n + cols, cols);
  const b = new Matrix(n + cols, 1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < cols; j++)
      A.set(i, j, (X[(start + i) * cols + j]! - means[j]!) / scales[j]!);
    b.set(i, 0, y[start + i]! - yMean);
  }
  for (let j = 0; j < cols; j++) A.set(n + j, j, Math.sqrt(alpha));
  const beta = new QrDecomposition(A).solve(b).getColumn(0);
  return { beta, means, scales, yMean };
}

describe("fitRidge", () => {
  it("matches the numpy lstsq fixture to 1e-8 relative for every alpha", () => {
    const X = Float64Array.from(fixture.X);
    const y = Float64Array.from(fixture.y);
    for (const c of fixture.cases) {
      const m = fitRidge(
        { X, y, cols: fixture.cols },
        { start: 0, end: fixture.rows },
        { alpha: c.alpha },
      );
      c.coefficients.forEach((b, j) => {
        expect(relErr(m.coefficients[j]!, b)).toBeLessThan(1e-8);
      });
      c.means.forEach((v, j) => {
        expect(relErr(m.means[j]!, v)).toBeLessThan(1e-12);
      });
      c.scales.forEach((v, j) => {
        expect(relErr(m.scales[j]!, v)).toBeLessThan(1e-12);
      });
      expect(relErr(m.intercept, c.intercept)).toBeLessThan(1e-12);
      expect(m.alpha).toBe(c.alpha);
    }
  });

  it("matches QR on the full augmented design matrix for a row range inside the data", () => {
    const { X, y, cols } = syntheticData(3000, 6, 11);
    for (const alpha of [0, 0.1, 25]) {
      const ref = qrReference(X, y, cols, 500, 2700, alpha);
      const m = fitRidge({ X, y, cols }, { start: 500, end: 2700 }, { alpha });
      ref.beta.forEach((b, j) => {
        expect(relErr(m.coefficients[j]!, b)).toBeLessThan(1e-8);
      });
      expect(relErr(m.intercept, ref.yMean)).toBeLessThan(1e-12);
    }
  });

  it("recovers the exact coefficients of noise-free linear data with alpha = 0", () => {
    const { X, y, cols, truth } = syntheticData(200, 3, 5, 0);
    const m = fitRidge({ X, y, cols }, { start: 0, end: 200 }, { alpha: 0 });
    truth.forEach((t, j) => {
      expect(relErr(m.coefficients[j]! / m.scales[j]!, t)).toBeLessThan(1e-9);
    });
    expect(
      Math.abs(predictRow(m, [1, 2, 3]) - (2 + truth[0]! + 2 * truth[1]! + 3 * truth[2]!)),
    ).toBeLessThan(1e-9);
  });

  it("shrinks coefficients towards 0 as alpha grows, keeping the intercept at mean(y)", () => {
    const { X, y, cols } = syntheticData(500, 3, 9);
    const norms = [0, 1, 100, 1e4, 1e8].map((alpha) => {
      const m = fitRidge({ X, y, cols }, { start: 0, end: 500 }, { alpha });
      return { norm: Math.hypot(...m.coefficients), intercept: m.intercept };
    });
    for (let i = 1; i < norms.length; i++) expect(norms[i]!.norm).toBeLessThan(norms[i - 1]!.norm);
    expect(norms.at(-1)!.norm / norms[0]!.norm).toBeLessThan(1e-4);
    expect(new Set(norms.map((n) => n.intercept)).size).toBe(1);
  });

  it("reads a row range in place: same model as a fit on a copy of those rows", () => {
    const { X, y, cols } = syntheticData(400, 4, 3);
    const inPlace = fitRidge({ X, y, cols }, { start: 100, end: 300 }, { alpha: 1 });
    const copy = fitRidge(
      { X: X.slice(100 * cols, 300 * cols), y: y.slice(100, 300), cols },
      { start: 0, end: 200 },
      { alpha: 1 },
    );
    expect(inPlace).toEqual(copy);
  });

  it("gives a constant column scale 1 and coefficient 0 and fits the rest as without it", () => {
    const { X, y } = syntheticData(300, 2, 4);
    const withConst = new Float64Array(300 * 3);
    for (let i = 0; i < 300; i++) {
      withConst[i * 3] = X[i * 2]!;
      withConst[i * 3 + 1] = 0.1;
      withConst[i * 3 + 2] = X[i * 2 + 1]!;
    }
    const a = fitRidge({ X: withConst, y, cols: 3 }, { start: 0, end: 300 }, { alpha: 0 });
    const b = fitRidge({ X, y, cols: 2 }, { start: 0, end: 300 }, { alpha: 0 });
    expect(a.scales[1]).toBe(1);
    expect(a.coefficients[1]).toBe(0);
    expect(a.means[1]).toBe(0.1);
    expect(relErr(a.coefficients[0]!, b.coefficients[0]!)).toBeLessThan(1e-12);
    expect(relErr(a.coefficients[2]!, b.coefficients[1]!)).toBeLessThan(1e-12);
  });

  it("refuses a singular system with SINGULAR_SYSTEM, and solves it with alpha > 0 or the fallback", () => {
    const { X, y } = syntheticData(100, 1, 8);
    const dup = new Float64Array(200);
    for (let i = 0; i < 100; i++) {
      dup[i * 2] = X[i]!;
      dup[i * 2 + 1] = 3 * X[i]! + 1;
    }
    const data = { X: dup, y, cols: 2 };
    const all = { start: 0, end: 100 };
    expect(codeOf(() => fitRidge(data, all, { alpha: 0 }))).toBe("SINGULAR_SYSTEM");
    const ridge = fitRidge(data, all, { alpha: 1 });
    expect(ridge.coefficients.every(Number.isFinite)).toBe(true);
    const single = fitRidge({ X, y, cols: 1 }, all, { alpha: 0 });
    const pinv = fitRidge(data, all, { alpha: 0, onSingular: "pseudo-inverse" });
    // Minimum-norm solution: the weight is shared equally by the two identical standardized columns.
    expect(relErr(pinv.coefficients[0]!, single.coefficients[0]! / 2)).toBeLessThan(1e-6);
    expect(relErr(pinv.coefficients[1]!, single.coefficients[0]! / 2)).toBeLessThan(1e-6);
  });

  it("rejects bad options and data with stable codes", () => {
    const { X, y, cols } = syntheticData(10, 2, 1);
    const data = { X, y, cols };
    expect(codeOf(() => fitRidge(data, { start: 3, end: 4 }, { alpha: 0 }))).toBe(
      "INSUFFICIENT_ROWS",
    );
    expect(codeOf(() => fitRidge(data, { start: 0, end: 10 }, { alpha: -1 }))).toBe(
      "INVALID_OPTIONS",
    );
    expect(codeOf(() => fitRidge(data, { start: 0, end: 10 }, { alpha: Number.NaN }))).toBe(
      "INVALID_OPTIONS",
    );
    expect(codeOf(() => fitRidge(data, { start: 0, end: 11 }, { alpha: 0 }))).toBe(
      "INVALID_OPTIONS",
    );
    expect(
      codeOf(() => fitRidge({ X, y: y.subarray(1), cols }, { start: 0, end: 9 }, { alpha: 0 })),
    ).toBe("INVALID_OPTIONS");
    const nan = X.slice();
    nan[7] = Number.NaN;
    expect(codeOf(() => fitRidge({ X: nan, y, cols }, { start: 0, end: 10 }, { alpha: 0 }))).toBe(
      "INVALID_DATA",
    );
  });
});
