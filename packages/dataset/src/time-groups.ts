import type { RowRange } from "./types";

/**
 * Start rows of each run of equal timestamps inside `range` (rows are sorted by time), so
 * that cuts can be placed between distinct timestamps only. `starts[g]` is the first row of
 * group `g`; group `g` ends at `starts[g + 1]` or `range.end`.
 */
export function timeGroupStarts(timestamps: Float64Array, range: RowRange): Uint32Array {
  let groups = 0;
  for (let i = range.start; i < range.end; i++) {
    if (i === range.start || timestamps[i] !== timestamps[i - 1]) groups++;
  }
  const starts = new Uint32Array(groups);
  let g = 0;
  for (let i = range.start; i < range.end; i++) {
    if (i === range.start || timestamps[i] !== timestamps[i - 1]) starts[g++] = i;
  }
  return starts;
}
