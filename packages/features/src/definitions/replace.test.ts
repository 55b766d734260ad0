import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isFeatureError } from "../errors";
import type { FeatureSpecInput } from "../spec";
import { createFeatureStream } from "../stream";
import { everyColumn } from "../testing/columns";
import { barAt, candlesAround, type OhlcvSeries, ohlcvSeries } from "../testing/ohlcv";
import { mulberry32 } from "../testing/series";

/**
 * Streams `s` twice: once pushing each final bar, once pushing a forming bar (a bar of `noise`)
 * and replacing it zero to three times before the final bar replaces it. After every bar both
 * streams must report the same values, compared with `Object.is`.
 */
function expectReplaceEqualsPush(
  s: OhlcvSeries,
  noise: OhlcvSeries,
  spec: FeatureSpecInput,
  seed: number,
) {
  const rnd = mulberry32(seed);
  const plain = createFeatureStream(spec);
  const forming = createFeatureStream(spec);
  const k = plain.spec.features.length;
  const a = new Float64Array(k);
  const b = new Float64Array(k);
  for (let t = 0; t < s.close.length; t++) {
    const readyA = plain.push(barAt(s, t));
    const drafts = Math.floor(rnd() * 4);
    if (drafts === 0 && rnd() < 0.5) forming.push(barAt(s, t));
    else {
      forming.push(barAt(noise, (t + 1) % noise.close.length));
      for (let d = 1; d < drafts; d++)
        forming.replace(barAt(noise, (t + d * 7) % noise.close.length));
      forming.replace(barAt(s, t));
    }
    expect(forming.count).toBe(plain.count);
    expect(forming.ready).toBe(readyA);
    if (!readyA) continue;
    plain.latestInto(a);
    forming.latestInto(b);
    for (let j = 0; j < k; j++) {
      if (!Object.is(a[j], b[j])) {
        throw new Error(`${plain.spec.features[j]}[${t}]: replaced ${b[j]} ≠ pushed ${a[j]}`);
      }
    }
  }
}

/** A walk with flat stretches, so re-summation steps and constant windows occur under replace. */
function walk(n: number, seed: number): number[] {
  const rnd = mulberry32(seed);
  const c = [100];
  for (let t = 1; t < n; t++) {
    const flat = Math.floor(t / 300) % 3 === 1;
    c.push(flat ? c[t - 1]! : c[t - 1]! * (1 + (rnd() - 0.5) * 0.02));
  }
  return c;
}

describe("FeatureStream.replace equals pushing the corrected bar, for every definition", () => {
  it("on random candles, windows, column subsets and replace sequences (property)", () => {
    fc.assert(
      fc.property(
        ohlcvSeries({ maxLength: 150 }),
        ohlcvSeries({ maxLength: 40 }),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (s, noise, w, seed) => {
          fc.pre(noise.close.length > 0);
          const all = everyColumn(w);
          const rnd = mulberry32(seed ^ 0x5bd1e995);
          const subset = all.filter(() => rnd() < 0.5);
          expectReplaceEqualsPush(
            s,
            noise,
            { lookback: w, features: subset.length > 0 ? subset : all },
            seed,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it("across re-summation steps and constant stretches (3,000 candles, windows 2, 20, 1100)", () => {
    for (const w of [2, 20, 1100]) {
      const s = candlesAround(walk(3000, w), w);
      const noise = candlesAround(walk(64, w + 1), w + 1);
      expectReplaceEqualsPush(s, noise, { lookback: w, features: everyColumn(w) }, w);
    }
  });

  it("replaces bare closes for a close-only spec", () => {
    const a = createFeatureStream({ lookback: 3 });
    const b = createFeatureStream({ lookback: 3 });
    for (const c of [100, 101, 99, 102, 103]) a.push(c);
    for (const c of [100, 101, 99, 102]) b.push(c);
    b.push(250);
    expect(b.replace(103)).toBe(true);
    expect(b.latest()).toEqual(a.latest());
  });

  it("throws NOTHING_TO_REPLACE before the first push and after reset", () => {
    const s = createFeatureStream({ lookback: 2 });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isFeatureError(e) ? e.code : "other";
      }
      return "none";
    };
    expect(code(() => s.replace(100))).toBe("NOTHING_TO_REPLACE");
    s.push(100);
    s.reset();
    expect(code(() => s.replace(100))).toBe("NOTHING_TO_REPLACE");
  });

  it("rejects an invalid replacement with the index of the forming bar and changes nothing", () => {
    const spec = { lookback: 2, features: ["atr", "close"] };
    const s = createFeatureStream(spec);
    const bar = { open: 10, high: 11, low: 9, close: 10.5, volume: 1 };
    s.push(bar);
    s.push({ ...bar, close: 10.7 });
    s.push({ ...bar, close: 10.2 });
    const before = s.latest();
    let caught: unknown;
    try {
      s.replace({ ...bar, low: 10.6 });
    } catch (e) {
      caught = e;
    }
    expect(isFeatureError(caught) && [caught.code, caught.index]).toEqual(["INVALID_CANDLE", 2]);
    expect(s.latest()).toEqual(before);
    expect(s.count).toBe(3);
  });
});
