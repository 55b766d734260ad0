import { describe, expect, it } from "vitest";
import { computeFeatures } from "../compute";
import fixture from "./ohlcv-fixture.json";

/**
 * Every OHLCV feature, MACD, k-bar returns and rolling min/max distance against numpy
 * (scripts/make-ohlcv-fixture.py computes each from its definition, window by window), to 1e-12
 * relative; a value near 0 is compared on the scale of its column (1e-12 × the column's largest
 * magnitude), as the rolling tests do.
 */
describe("OHLCV features match the numpy fixture", () => {
  fixture.cases.forEach((candles, k) => {
    it(`case ${k} (${candles.close.length} candles from ${candles.close[0]!.toPrecision(3)})`, () => {
      for (const [name, expected] of Object.entries(candles.columns)) {
        const table = computeFeatures(candles, [name]);
        const got = table.values[name]!;
        const firstDefined = expected.findIndex((v) => v !== null);
        expect(table.offset, name).toBe(firstDefined);
        expect(got.length, name).toBe(expected.length - firstDefined);
        const scale = Math.max(...expected.map((v) => Math.abs(v ?? 0)));
        got.forEach((v, i) => {
          const want = expected[firstDefined + i]!;
          const err = Math.abs(v - want);
          if (!(err <= 1e-12 * Math.max(Math.abs(want), 1e-3 * scale))) {
            throw new Error(`${name}[${firstDefined + i}] = ${v}, numpy ${want} (error ${err})`);
          }
        });
      }
    });
  });
});
