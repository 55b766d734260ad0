import { describe, expect, it } from "vitest";
import { mapBounded } from "./concurrency";

describe("mapBounded", () => {
  it("keeps input order and never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapBounded([5, 1, 4, 2, 3, 0], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      for (let i = 0; i < n; i++) await Promise.resolve();
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it("returns an empty array for no items", async () => {
    expect(await mapBounded([], 4, async () => 1)).toEqual([]);
  });
});
