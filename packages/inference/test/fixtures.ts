/**
 * Test fixtures built only from the real packages' public APIs: sample candles, a model from
 * `@mle/trainer/testing` (the one shared way to train a small one), a temp-folder registry.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Candle, GetCandlesOptions, MarketDataSource } from "@mle/market-client";
import { createRegistry, type Registry } from "@mle/registry";
import type { ModelSpec } from "@mle/trainer";
import { trainSample } from "@mle/trainer/testing";

export interface TrainSpec {
  readonly lookback?: number;
  /** Column names: bare (`rsi`) or parameterised (`atr_14`). */
  readonly features?: readonly string[];
  readonly symbols?: readonly string[];
  readonly alpha?: number;
  /** A kind other than ridge (then `alpha` is ignored). */
  readonly model?: ModelSpec;
  readonly activate?: boolean;
  /** Save evaluation.json as `mle train` does (default false: a version from before evaluations). */
  readonly evaluation?: boolean;
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
  const saved = await registry.save(await trainSample(source, spec), {
    activate: spec.activate ?? true,
  });
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
