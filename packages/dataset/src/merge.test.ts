import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeRuns } from "./merge";

describe("mergeRuns", () => {
  it("orders rows by (timestamp, run) like a full sort would", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }), {
          minLength: 1,
          maxLength: 6,
        }),
        (lists) => {
          const runs = lists.map((l) => {
            const ts = Float64Array.from([...l].sort((a, b) => a - b));
            return { timestamps: ts, start: 0, end: ts.length };
          });
          const { run, local } = mergeRuns(runs);
          const expected = runs
            .flatMap((r, s) => Array.from(r.timestamps, (t, i) => ({ t, s, i })))
            .sort((a, b) => a.t - b.t || a.s - b.s);
          expect(Array.from(run)).toEqual(expected.map((e) => e.s));
          expect(Array.from(local)).toEqual(expected.map((e) => e.i));
        },
      ),
    );
  });

  it("respects each run's [start, end) window", () => {
    const ts = Float64Array.from([1, 2, 3, 4, 5]);
    const { run, local } = mergeRuns([
      { timestamps: ts, start: 1, end: 4 },
      { timestamps: ts, start: 0, end: 2 },
    ]);
    expect(Array.from(run)).toEqual([1, 0, 1, 0, 0]);
    expect(Array.from(local)).toEqual([0, 1, 1, 2, 3]);
  });
});
