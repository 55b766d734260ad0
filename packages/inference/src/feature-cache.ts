/**
 * Feature vectors per (symbol, spec): concurrent requests share one upstream fetch
 * (single-flight) and a finished vector is reused for `ttlMs` (0 disables reuse).
 * @module
 */
import type { MarketDataSource, MarketSymbol } from "@mle/market-client";
import { type FeatureVector, latestFeatureVector } from "./feature-vector";
import { Gate } from "./concurrency";
import { Lru } from "./lru";
import type { ServingModel } from "./serving-model";
import { SingleFlight, withSignal } from "./single-flight";

/** Counters exposed for metrics; monotonic. */
export interface FeatureCacheStats {
  /** Served from a cached vector, no upstream call. */
  hits: number;
  /** Needed a vector that was not cached (includes requests that joined an in-flight fetch). */
  misses: number;
  /** Upstream `getCandles` calls actually made. */
  fetches: number;
}

export interface FeatureCacheOptions {
  readonly source: MarketDataSource;
  readonly ttlMs: number;
  readonly clock: () => number;
  /** Most (symbol, spec) vectors kept at once (default 1024). */
  readonly maxEntries?: number;
  /** Most upstream fetches running at once; the others wait their turn (default 16). */
  readonly maxConcurrentFetches?: number;
}

interface Entry {
  readonly vector: FeatureVector;
  readonly expiresAt: number;
}

/** Fetches and caches feature vectors; see the module doc for the semantics. */
export class FeatureCache {
  readonly stats: FeatureCacheStats = { hits: 0, misses: 0, fetches: 0 };
  readonly #source: MarketDataSource;
  readonly #ttlMs: number;
  readonly #clock: () => number;
  readonly #entries: Lru<string, Entry>;
  readonly #flight = new SingleFlight<string, FeatureVector>();
  readonly #gate: Gate;

  constructor(options: FeatureCacheOptions) {
    this.#source = options.source;
    this.#ttlMs = options.ttlMs;
    this.#clock = options.clock;
    this.#entries = new Lru(options.maxEntries ?? 1024);
    this.#gate = new Gate(options.maxConcurrentFetches ?? 16);
  }

  /** Highest number of upstream fetches that ran at once. */
  get peakConcurrentFetches(): number {
    return this.#gate.peak;
  }

  /**
   * The vector for `symbol` (already normalised) under `model`'s spec. An aborted `signal` rejects
   * this caller only; a fetch shared with other callers keeps running for them.
   */
  get(symbol: MarketSymbol, model: ServingModel, signal?: AbortSignal): Promise<FeatureVector> {
    const key = `${symbol}|${model.specKey}`;
    if (this.#ttlMs > 0) {
      const entry = this.#entries.get(key);
      if (entry && this.#clock() < entry.expiresAt) {
        this.stats.hits++;
        return Promise.resolve(entry.vector);
      }
    }
    this.stats.misses++;
    const shared = this.#flight.do(key, async () => {
      const vector = await this.#gate.run(() => {
        this.stats.fetches++;
        return latestFeatureVector(
          (limit) => this.#source.getCandles(symbol, { limit }),
          model,
          symbol,
        );
      });
      if (this.#ttlMs > 0) {
        this.#entries.set(key, { vector, expiresAt: this.#clock() + this.#ttlMs });
      }
      return vector;
    });
    return withSignal(shared, signal);
  }

  clear(): void {
    this.#entries.clear();
  }
}
