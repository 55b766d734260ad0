import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDatasetError } from "./errors";
import { walkForwardFolds } from "./folds";

function rowsOf(timestamps: number[]) {
  return { rows: timestamps.length, timestamps: Float64Array.from(timestamps) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("walkForwardFolds", () => {
  it("makes K expanding windows with equal, adjacent test blocks ending at the last row", () => {
    const folds = walkForwardFolds(rowsOf(range(12)), { folds: 3 });
    expect(folds).toEqual([
      { index: 0, train: { start: 0, end: 3 }, test: { start: 3, end: 6 } },
      { index: 1, train: { start: 0, end: 6 }, test: { start: 6, end: 9 } },
      { index: 2, train: { start: 0, end: 9 }, test: { start: 9, end: 12 } },
    ]);
  });

  it("leaves `gap` rows out between train and test for one symbol", () => {
    const folds = walkForwardFolds(rowsOf(range(20)), { folds: 3, gap: 2 });
    for (const f of folds) expect(f.test.start - f.train.end).toBe(2);
  });

  it("counts the gap in time steps when several symbols share timestamps", () => {
    const ts = range(10).flatMap((t) => [t, t, t]);
    const folds = walkForwardFolds(rowsOf(ts), { folds: 2, gap: 1 });
    for (const f of folds) {
      expect(f.test.start - f.train.end).toBe(3);
      expect(ts[f.test.start]! - ts[f.train.end - 1]!).toBe(2);
    }
  });

  it("keeps every test row strictly later than all its train rows (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 10, maxLength: 80 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        (perStep, k, gap) => {
          const ts = perStep.flatMap((count, t) => Array.from({ length: count }, () => t));
          let folds: ReturnType<typeof walkForwardFolds>;
          try {
            folds = walkForwardFolds(rowsOf(ts), { folds: k, gap });
          } catch (e) {
            expect(isDatasetError(e) && e.code).toBe("INVALID_SPLIT");
            // The documented rule: blocks of floor(T / (K + 1)) steps, first train >= 1 step.
            const steps = perStep.length;
            const block = Math.floor(steps / (k + 1));
            expect(block < 1 || steps - k * block - gap < 1).toBe(true);
            return;
          }
          expect(folds).toHaveLength(k);
          folds.forEach((f, i) => {
            expect(f.train.start).toBe(0);
            expect(f.train.end).toBeGreaterThan(0);
            expect(f.test.end).toBeGreaterThan(f.test.start);
            const steps = new Set(ts.slice(f.train.end, f.test.start));
            expect(steps.size).toBe(gap);
            expect(ts[f.test.start]!).toBeGreaterThan(ts[f.train.end - 1]!);
            if (f.test.start > 0) expect(ts[f.test.start]).not.toBe(ts[f.test.start - 1]);
            if (i > 0) expect(f.test.start).toBe(folds[i - 1]!.test.end);
          });
          expect(folds[k - 1]!.test.end).toBe(ts.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("folds only inside the given range", () => {
    const folds = walkForwardFolds(rowsOf(range(30)), { folds: 2, range: { start: 0, end: 21 } });
    expect(folds[1]!.test.end).toBe(21);
    expect(folds[0]!.train).toEqual({ start: 0, end: 7 });
  });

  it("rejects bad options and too little data with INVALID_SPLIT", () => {
    const data = rowsOf(range(10));
    const bad = [
      { folds: 0 },
      { folds: 1.5 },
      { folds: 2, gap: -1 },
      { folds: 10 },
      { folds: 2, minTrainRows: 5 },
      { folds: 2, range: { start: 0, end: 11 } },
    ];
    for (const options of bad) {
      try {
        walkForwardFolds(data, options);
        expect.unreachable(JSON.stringify(options));
      } catch (e) {
        expect(isDatasetError(e) && e.code).toBe("INVALID_SPLIT");
      }
    }
  });
});
