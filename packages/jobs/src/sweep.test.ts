import { describe, expect, it } from "vitest";
import { isJobsError } from "./errors";
import { expandSweep, MAX_SWEEP_POINTS, sweepIdOf } from "./sweep";

describe("expandSweep", () => {
  it("takes the cartesian product with the first key slowest and leaves the base untouched", () => {
    const base = { lookback: 20, model: { type: "ridge", alpha: 1 } };
    const points = expandSweep(base, { "model.alpha": [0.1, 10], lookback: [5, 10, 15] });
    expect(points.map((p) => [p.config.model, p.config.lookback])).toEqual([
      [{ type: "ridge", alpha: 0.1 }, 5],
      [{ type: "ridge", alpha: 0.1 }, 10],
      [{ type: "ridge", alpha: 0.1 }, 15],
      [{ type: "ridge", alpha: 10 }, 5],
      [{ type: "ridge", alpha: 10 }, 10],
      [{ type: "ridge", alpha: 10 }, 15],
    ]);
    expect(points[4]?.params).toEqual({ "model.alpha": 10, lookback: 10 });
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(base).toEqual({ lookback: 20, model: { type: "ridge", alpha: 1 } });
  });

  it("sets whole values such as feature lists and creates missing parents", () => {
    const points = expandSweep({}, { features: [["close"], ["close", "rsi"]], "cv.gap": [3] });
    expect(points[1]?.config).toEqual({ features: ["close", "rsi"], cv: { gap: 3 } });
  });

  it("refuses an empty grid, an empty value list, prototype paths and oversized grids", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isJobsError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => expandSweep({}, {}))).toBe("INVALID_SWEEP");
    expect(code(() => expandSweep({}, { lookback: [] }))).toBe("INVALID_SWEEP");
    expect(code(() => expandSweep({}, { "__proto__.polluted": [1] }))).toBe("INVALID_SWEEP");
    expect(code(() => expandSweep({}, { "a..b": [1] }))).toBe("INVALID_SWEEP");
    const big = Array.from({ length: 101 }, (_, i) => i);
    expect(code(() => expandSweep({}, { a: big, b: big }))).toBe("INVALID_SWEEP");
    expect(MAX_SWEEP_POINTS).toBeLessThan(101 * 101);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("sweepIdOf", () => {
  it("depends on the jobs and their order only", () => {
    expect(sweepIdOf(["a", "b"])).toBe(sweepIdOf(["a", "b"]));
    expect(sweepIdOf(["a", "b"])).not.toBe(sweepIdOf(["b", "a"]));
    expect(sweepIdOf(["a"])).toMatch(/^sweep-[0-9a-f]{16}$/);
  });
});
