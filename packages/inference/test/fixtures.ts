/**
 * Test fixtures built only from the real packages' public APIs: a temp-folder registry per test
 * (from `@mle/registry/testing`), a counting source and a manual clock. Models are trained and
 * saved with `saveSample` of `@mle/trainer/testing`, the one shared way to store a small one.
 */
import type { Candle, GetCandlesOptions, MarketDataSource } from "@mle/market-client";
import { useTempRegistry } from "@mle/registry/testing";
import { afterEach, beforeEach } from "vitest";
import { isInferenceError } from "../src/errors";

/** A registry in a fresh temp folder per test (`temp.registry`, `temp.dir`), dated 2026-01-01. */
export function tempRegistryPerTest() {
  return useTempRegistry(
    { beforeEach, afterEach },
    { prefix: "mle-inference-", clock: () => new Date("2026-01-01T00:00:00.000Z") },
  );
}

/** The `code` a promise rejects with (an inference error's, or any error's), or "no error". */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isInferenceError(error)) return error.code;
    return (error as { code?: string }).code ?? String(error);
  }
  return "no error";
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
