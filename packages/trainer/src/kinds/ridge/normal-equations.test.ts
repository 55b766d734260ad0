import { describe, expect, it } from "vitest";
import { accumulateNormalEquations } from "./normal-equations";

function design(rows: number, cols: number, seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const X = new Float64Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) X[i * cols + j] = (random() - 0.3) * 10 ** j + j * 100;
    y[i] = random() - 0.5;
  }
  return { X, y, cols };
}

describe("accumulateNormalEquations", () => {
  it("gives bit-identical sums on the 4-column fast path and the generic loops", () => {
    const data = design(5000, 4, 7);
    // A constant column exercises the exact-mean branch too.
    for (let i = 0; i < 5000; i++) data.X[i * 4 + 2] = 0.1;
    for (const range of [
      { start: 0, end: 5000 },
      { start: 17, end: 4321 },
      { start: 4999, end: 5000 },
    ]) {
      const fast = accumulateNormalEquations(data, range);
      const generic = accumulateNormalEquations(data, range, { generic: true });
      expect(fast.means).toEqual(generic.means);
      expect(fast.constant).toEqual(generic.constant);
      expect(Object.is(fast.yMean, generic.yMean)).toBe(true);
      expect(Object.is(fast.yy, generic.yy)).toBe(true);
      expect(Array.from(fast.xtx)).toEqual(Array.from(generic.xtx));
      expect(Array.from(fast.xty)).toEqual(Array.from(generic.xty));
    }
  });

  it("centers the cross-products: a shifted column gives the same xtx", () => {
    const data = design(1000, 4, 3);
    const shifted = { ...data, X: data.X.map((v, i) => (i % 4 === 1 ? v + 1000 : v)) };
    const a = accumulateNormalEquations(data, { start: 0, end: 1000 });
    const b = accumulateNormalEquations(shifted, { start: 0, end: 1000 });
    for (let i = 0; i < 16; i++) expect(b.xtx[i]).toBeCloseTo(a.xtx[i]!, 6);
    expect(b.means[1]! - a.means[1]!).toBeCloseTo(1000, 9);
  });
});
