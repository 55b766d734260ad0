import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Candle, MarketDataSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPredictor } from "../../src/predictor";

// Models saved by the pre-v2 build (feature_spec = { lookback, features }), the candles they were
// served from and the predictions that build returned: see make-legacy.mjs.
const here = dirname(fileURLToPath(import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "mle-legacy-"));
  await cp(join(here, "registry"), dir, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("model.json files stored before Features v2", () => {
  it("predict bit-identically from the same candles (every field of every prediction)", async () => {
    const candles = JSON.parse(await readFile(join(here, "candles.json"), "utf8")) as Record<
      string,
      Candle[]
    >;
    const expected = JSON.parse(await readFile(join(here, "predictions.json"), "utf8")) as {
      symbol: string;
      model_version: string;
    }[];
    const source: MarketDataSource = {
      kind: "fixture",
      getCandles: async (symbol, { limit }) => candles[symbol]!.slice(-limit),
    };
    const registry = createRegistry({ dir });
    const predictor = createPredictor({ registry, source, cacheTtlMs: 0 });
    try {
      for (const want of expected) {
        const got = await predictor.predict(want.symbol, { version: want.model_version });
        // `prediction_interval.method` was added since (additive); these versions have no
        // evaluation.json, so it names the residual quantiles and every number stays the same.
        const { method, ...interval } = got.prediction_interval;
        expect(method).toBe("validation-residual-quantiles");
        // JSON keeps every double exactly, so equal text is equal bits.
        expect(JSON.stringify({ ...got, prediction_interval: interval })).toBe(
          JSON.stringify(want),
        );
      }
    } finally {
      predictor.close();
    }
  });
});
