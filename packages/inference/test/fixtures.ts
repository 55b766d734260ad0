/**
 * Test fixtures built only from the real packages' public APIs: sample candles, a dataset from
 * @mle/dataset, a model from @mle/trainer, a temp-folder registry from @mle/registry.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildDataset, summarizeDataset } from "@mle/dataset";
import type { FeatureName } from "@mle/features";
import type { Candle, GetCandlesOptions, MarketDataSource } from "@mle/market-client";
import { createRegistry, type Registry } from "@mle/registry";
import { type ModelSpec, train } from "@mle/trainer";

export interface TrainSpec {
  readonly lookback?: number;
  readonly features?: readonly FeatureName[];
  readonly symbols?: readonly string[];
  readonly alpha?: number;
  /** A kind other than ridge (then `alpha` is ignored). */
  readonly model?: ModelSpec;
  readonly activate?: boolean;
}

/** A registry in a fresh temp folder; `cleanup` removes it. */
export async function tempRegistry(): Promise<{
  registry: Registry;
  dir: string;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), "mle-inference-"));
  const registry = createRegistry({ dir, clock: () => new Date("2026-01-01T00:00:00.000Z") });
  return { registry, dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Trains a model (ridge unless `spec.model`) on sample candles and saves it (active by default). Returns the version. */
export async function trainAndSave(
  registry: Registry,
  source: MarketDataSource,
  spec: TrainSpec = {},
): Promise<string> {
  const symbols = spec.symbols ?? ["AAPL", "MSFT"];
  const featureSpec = {
    lookback: spec.lookback ?? 10,
    features: [
      ...(spec.features ?? ["close", "simple_return", "moving_average", "rolling_volatility"]),
    ],
  };
  const candles: Record<string, Candle[]> = {};
  for (const s of symbols) candles[s] = await source.getCandles(s, { limit: 300 });
  const ds = buildDataset(candles, featureSpec);
  const model = spec.model ?? { type: "ridge", alpha: spec.alpha ?? 1 };
  const result = train(ds, { model, validationFraction: 0.2, folds: 3, gap: 0 });
  const saved = await registry.save(
    {
      model: result.model,
      metadata: { symbols, feature_spec: featureSpec },
      metrics: result.metrics,
      featureColumns: result.model.feature_spec.features,
      datasetSummary: summarizeDataset(ds),
    },
    { activate: spec.activate ?? true },
  );
  return saved.version;
}

/** Wraps a source, counting calls and optionally holding each call until `release()`. */
export function countingSource(inner: MarketDataSource): MarketDataSource & {
  calls: number;
  hold(): void;
  release(): void;
} {
  let gate: Promise<void> | null = null;
  let open: () => void = () => {};
  const wrapper = {
    kind: inner.kind,
    calls: 0,
    async getCandles(symbol: string, options: GetCandlesOptions): Promise<Candle[]> {
      wrapper.calls++;
      if (gate) await gate;
      return inner.getCandles(symbol, options);
    },
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = null;
      open();
    },
  };
  return wrapper;
}

/** A manual clock in milliseconds. */
export function manualClock(start = 1_000_000): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}
