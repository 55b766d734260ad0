import fc from "fast-check";

/**
 * Arbitrary price series for property tests: a start price and per-step returns on a 0.1% grid,
 * zero included, so series contain flat runs (constant windows) as well as ordinary moves.
 */
export function priceSeries(options: { minLength?: number; maxLength?: number } = {}) {
  const { minLength = 0, maxLength = 120 } = options;
  return fc
    .tuple(
      fc.double({ min: 0.5, max: 5000, noNaN: true }),
      fc.array(
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: -50, max: 50 }).map((k) => k / 1000),
        ),
        { minLength, maxLength },
      ),
    )
    .map(([start, steps]) => {
      const closes = [start];
      for (const s of steps) closes.push(closes[closes.length - 1]! * (1 + s));
      return closes;
    });
}

/** Deterministic pseudo-random generator (mulberry32) for long generated series in tests. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
