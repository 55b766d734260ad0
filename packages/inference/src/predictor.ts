/**
 * `createPredictor`: serves predictions from the registry's active model (or a named version).
 * @module
 */
import { type MarketSymbol, normalizeSymbol } from "@mle/market-client";
import { mapBounded } from "./concurrency";
import { toItemError } from "./item-error";
import { FeatureCache } from "./feature-cache";
import type { FeatureVector } from "./feature-vector";
import { ModelStore } from "./model-store";
import type { ServingModel } from "./serving-model";
import { type ModelSnapshot, scoreRow, toSnapshot } from "./snapshot";
import type {
  BatchItem,
  Prediction,
  PredictOptions,
  Predictor,
  PredictorOptions,
  Readiness,
} from "./types";

/**
 * Creates a {@link Predictor}. Nothing is loaded until the first call; the active model is then
 * loaded (verified by the registry), kept in memory and swapped atomically when another version
 * is activated. A request keeps the model it started with.
 *
 * @example
 * ```ts
 * const predictor = createPredictor({ registry: createRegistry({ dir: "artifacts/models" }), source: createSampleSource() });
 * const p = await predictor.predict("AAPL");
 * console.log(p.prediction, p.confidence, p.model_version);
 * ```
 */
export function createPredictor(options: PredictorOptions): Predictor {
  const clock = options.clock ?? Date.now;
  const store = new ModelStore({
    registry: options.registry,
    clock,
    reloadCheckMs: nonNegative(options.reloadCheckMs, 250, "reloadCheckMs"),
    maxModels: positive(options.maxModels, 8, "maxModels"),
    ...(options.reloadMode === undefined ? {} : { reloadMode: options.reloadMode }),
    ...(options.extraHistory === undefined
      ? {}
      : { extraHistory: nonNegative(options.extraHistory, 0, "extraHistory") }),
  });
  const cache = new FeatureCache({
    source: options.source,
    ttlMs: nonNegative(options.cacheTtlMs, 2000, "cacheTtlMs"),
    clock,
    maxEntries: positive(options.maxCacheEntries, 1024, "maxCacheEntries"),
    maxConcurrentFetches: positive(options.maxConcurrentFetches, 16, "maxConcurrentFetches"),
  });
  const batchConcurrency = positive(options.batchConcurrency, 8, "batchConcurrency");
  const byVersion: Record<string, number> = {};
  let servingVersion: string | null = null;

  async function predictWith(
    model: ServingModel,
    symbol: MarketSymbol,
    signal: AbortSignal | undefined,
  ): Promise<Prediction> {
    const vector = await cache.get(symbol, model, signal);
    byVersion[model.version] = (byVersion[model.version] ?? 0) + 1;
    return toPrediction(symbol, model, vector);
  }

  async function resolve(version: string | undefined): Promise<ServingModel> {
    const model = await store.resolve(version);
    if (version === undefined || version === "active") servingVersion = model.version;
    return model;
  }

  return {
    async predict(symbol: string, opts: PredictOptions = {}): Promise<Prediction> {
      const normalized = normalizeSymbol(symbol);
      const model = await resolve(opts.version);
      return predictWith(model, normalized, opts.signal);
    },

    async predictBatch(
      symbols: readonly string[],
      opts: PredictOptions = {},
    ): Promise<BatchItem[]> {
      const model = await resolve(opts.version);
      const items: Array<BatchItem | MarketSymbol> = [];
      const seen = new Set<string>();
      for (const raw of symbols) {
        let symbol: MarketSymbol;
        try {
          symbol = normalizeSymbol(raw);
        } catch (error) {
          items.push({ symbol: String(raw), ok: false, error: toItemError(error) });
          continue;
        }
        if (seen.has(symbol)) continue;
        seen.add(symbol);
        items.push(symbol);
      }
      return mapBounded(items, batchConcurrency, async (item): Promise<BatchItem> => {
        if (typeof item !== "string") return item;
        try {
          return { symbol: item, ok: true, result: await predictWith(model, item, opts.signal) };
        } catch (error) {
          if (opts.signal?.aborted) throw error;
          return { symbol: item, ok: false, error: toItemError(error) };
        }
      });
    },

    async snapshot(opts: Pick<PredictOptions, "version"> = {}): Promise<ModelSnapshot> {
      const model = await resolve(opts.version);
      return toSnapshot(model, (version, rows) => {
        byVersion[version] = (byVersion[version] ?? 0) + rows;
      });
    },

    async readiness(): Promise<Readiness> {
      const before = store.serving;
      const { serving, problem } = await store.status(true);
      if (!serving) {
        return {
          ready: false,
          version: null,
          reason: problem?.message ?? "No model loaded",
          code: problem?.code ?? "NO_ACTIVE_MODEL",
        };
      }
      servingVersion = serving.version;
      if (problem) {
        return notReady(
          serving.version,
          `${problem.message}; still serving ${serving.version}`,
          problem.code,
        );
      }
      // A model loaded by this very check was just verified by registry.load; skip re-hashing.
      const damaged = serving === before ? await store.verifyServing() : null;
      if (damaged) {
        return notReady(
          serving.version,
          `${damaged.message}; still serving the copy of ${serving.version} loaded before the damage`,
          damaged.code,
        );
      }
      return { ready: true, version: serving.version };
    },

    stats() {
      return {
        cache: { ...cache.stats },
        predictionsByVersion: { ...byVersion },
        servingVersion,
      };
    },

    close() {
      cache.clear();
      store.clear();
    },
  };
}

function toPrediction(symbol: string, model: ServingModel, vector: FeatureVector): Prediction {
  const { prediction, confidence, prediction_interval } = scoreRow(model, vector.x);
  return {
    symbol,
    prediction,
    confidence,
    model_version: model.version,
    features: vector.features,
    timestamp: vector.timestamp,
    prediction_interval,
  };
}

function notReady(version: string, reason: string, code: string): Readiness {
  return { ready: false, version, reason, code };
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number >= 0`);
  return value;
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer >= 1`);
  return value;
}
