/**
 * The shortest decimal that reads back (through `Math.fround`) as the same float32: what the
 * artifact stores, so a threshold XGBoost wrote as `-0.0296657` stays `-0.0296657` instead of
 * the 17 digits of its float64 widening. `v` must already be a float32 value.
 *
 * @example
 * ```ts
 * shortestFloat32(Math.fround(0.1)); // 0.1
 * ```
 */
export function shortestFloat32(v: number): number {
  if (v === 0 || !Number.isFinite(v)) return v === 0 ? 0 : v;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(v.toPrecision(digits));
    if (Math.fround(candidate) === v) return candidate;
  }
  // Nine significant digits always identify a float32.
  return Number(v.toPrecision(9));
}
