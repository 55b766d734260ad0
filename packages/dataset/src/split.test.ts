import { describe, expect, it } from "vitest";
import { buildDataset } from "./build";
import { makeCandles } from "./candles.fixture";
import { isDatasetError } from "./errors";
import { chronologicalSplit } from "./split";

const spec = { lookback: 3, features: ["close", "simple_return"] } as const;

function fakeRows(timestamps: number[]) {
  return { rows: timestamps.length, timestamps: Float64Array.from(timestamps) };
}

describe("chronologicalSplit", () => {
  it("cuts one symbol at rows * (1 - fraction)", () => {
    const s = chronologicalSplit(fakeRows([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.3);
    expect(s.train).toEqual({ start: 0, end: 7 });
    expect(s.validation).toEqual({ start: 7, end: 10 });
    expect(s.cutTimestamp).toBe(new Date(8).toISOString());
  });

  it("never separates rows that share a timestamp and keeps validation strictly later", () => {
    // Three symbols per timestamp: the target row 7 falls inside the group at t = 3.
    const ts = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4];
    const s = chronologicalSplit(fakeRows(ts), 0.4);
    expect(s.train.end % 3).toBe(0);
    const lastTrain = ts[s.train.end - 1]!;
    const firstValidation = ts[s.validation.start]!;
    expect(firstValidation).toBeGreaterThan(lastTrain);
  });

  it("splits a pooled multi-symbol dataset with every validation row later than every train row", () => {
    const ds = buildDataset(
      {
        A: makeCandles(50, { seed: 1 }),
        B: makeCandles(50, { seed: 2 }),
        C: makeCandles(40, { seed: 3, startMs: Date.UTC(2024, 0, 4) }),
      },
      spec,
    );
    for (const f of [0.1, 0.25, 0.5, 0.9]) {
      const { train, validation } = chronologicalSplit(ds, f);
      let maxTrain = Number.NEGATIVE_INFINITY;
      for (let i = train.start; i < train.end; i++)
        maxTrain = Math.max(maxTrain, ds.timestamps[i]!);
      let minVal = Number.POSITIVE_INFINITY;
      for (let i = validation.start; i < validation.end; i++)
        minVal = Math.min(minVal, ds.timestamps[i]!);
      expect(minVal).toBeGreaterThan(maxTrain);
      expect(train.end).toBe(validation.start);
      expect(validation.end).toBe(ds.rows);
      expect(Math.abs(validation.end - validation.start - f * ds.rows)).toBeLessThanOrEqual(3);
    }
  });

  it("rejects fractions outside (0, 1) and data with a single timestamp", () => {
    for (const f of [0, 1, 1.5, -0.1, Number.NaN]) {
      expect(() => chronologicalSplit(fakeRows([1, 2, 3]), f)).toThrow(/validationFraction/);
    }
    try {
      chronologicalSplit(fakeRows([5, 5, 5]), 0.5);
      expect.unreachable();
    } catch (e) {
      expect(isDatasetError(e) && e.code).toBe("INVALID_SPLIT");
    }
  });

  it("keeps both sides non-empty even for extreme fractions", () => {
    const tiny = chronologicalSplit(fakeRows([1, 2, 3, 4]), 0.01);
    expect(tiny.validation).toEqual({ start: 3, end: 4 });
    const huge = chronologicalSplit(fakeRows([1, 2, 3, 4]), 0.99);
    expect(huge.train).toEqual({ start: 0, end: 1 });
  });

  it("rejects one row, no row and a single timestamp with INVALID_SPLIT instead of an empty side", () => {
    for (const ts of [[7], [], [3, 3]]) {
      for (const f of [0.01, 0.5, 0.99]) {
        let code: string | undefined;
        try {
          const s = chronologicalSplit(fakeRows(ts), f);
          code = `split returned ${JSON.stringify(s)}`;
        } catch (e) {
          code = isDatasetError(e) ? e.code : String(e);
        }
        expect(code).toBe("INVALID_SPLIT");
      }
    }
  });

  it("splits two rows with distinct timestamps into one train and one validation row", () => {
    for (const f of [0.01, 0.5, 0.99]) {
      const s = chronologicalSplit(fakeRows([1, 2]), f);
      expect(s.train).toEqual({ start: 0, end: 1 });
      expect(s.validation).toEqual({ start: 1, end: 2 });
    }
  });
});
