import { describe, expect, it } from "vitest";
import { SlidingWindow } from "./window";

describe("SlidingWindow", () => {
  it("keeps the last w values readable as one contiguous run, oldest first", () => {
    const win = new SlidingWindow(3);
    const leaving: number[] = [];
    for (let x = 1; x <= 8; x++) {
      leaving.push(win.push(x));
      if (win.count >= 3) {
        const run = Array.from(win.values.subarray(win.start, win.start + 3));
        expect(run).toEqual([x - 2, x - 1, x]);
      }
    }
    expect(leaving.slice(3)).toEqual([1, 2, 3, 4, 5]);
    expect(leaving.slice(0, 3).every(Number.isNaN)).toBe(true);
  });
});
