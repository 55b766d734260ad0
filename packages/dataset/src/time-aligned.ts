import type { Run } from "./merge";

/**
 * True when every run has the same length and the same timestamps, position by position (e.g.
 * symbols sampled on one clock): their merge is then a plain interleave. One pass, stops at the
 * first difference.
 */
export function timeAligned(runs: readonly Run[]): boolean {
  const first = runs[0];
  if (first === undefined) return false;
  const len = first.end - first.start;
  for (const r of runs) if (r.end - r.start !== len) return false;
  const a = first.timestamps;
  for (let s = 1; s < runs.length; s++) {
    const r = runs[s]!;
    const b = r.timestamps;
    for (let i = 0, p = first.start, q = r.start; i < len; i++, p++, q++) {
      if (a[p] !== b[q]) return false;
    }
  }
  return true;
}
