import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeFeatures } from "../compute";
import { close, REFERENCE_NAMES, referenceFeature } from "../testing/reference";
import { priceSeries } from "../testing/series";

describe("every feature against the naive two-pass reference", () => {
  for (const name of REFERENCE_NAMES) {
    it(`${name} matches the reference on random series, rows before it is defined left out`, () => {
      fc.assert(
        fc.property(priceSeries({ maxLength: 150 }), fc.integer({ min: 2, max: 30 }), (c, w) => {
          const table = computeFeatures(c, { lookback: w, features: [name] });
          const ref = referenceFeature(name, c, w);
          const firstDefined = ref.findIndex((v) => v !== undefined);
          if (firstDefined === -1) expect(table.length).toBe(0);
          else expect(table.offset).toBe(firstDefined);
          expect(table.length).toBe(Math.max(0, c.length - table.offset));
          const col = table.values[name];
          for (let i = 0; i < table.length; i++) {
            const expected = ref[table.offset + i]!;
            if (!close(col[i]!, expected)) {
              throw new Error(`${name}[${table.offset + i}] = ${col[i]} but reference ${expected}`);
            }
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
