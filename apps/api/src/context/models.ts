/**
 * The models a server answers for: the default one (every seed route without `model=`) and,
 * when the app has a {@link ModelRegistry}, any other model of that registry by name. Each named
 * model gets its own predictor, made on first use and kept (at most {@link MAX_NAMED_MODELS},
 * least recently used closed first).
 * @module
 */
import { createPredictor, type Predictor, type PredictorOptions } from "@mle/inference";
import type { MarketDataSource } from "@mle/market-client";
import { DEFAULT_MODEL, type ModelRegistry, type Registry } from "@mle/registry";
import { ApiError } from "../errors/api-error";

/** Named models whose predictors stay loaded at once. */
export const MAX_NAMED_MODELS = 16;

export interface ModelScope {
  /** The registry handle of `model` (undefined: the default model). */
  registry(model: string | undefined): Registry;
  /** The predictor of `model` (undefined: the default model). */
  predictor(model: string | undefined): Predictor;
  /** The registry of every model, when the app has one. */
  readonly all: ModelRegistry | undefined;
}

export interface ModelScopeOptions {
  readonly models: ModelRegistry | undefined;
  readonly defaultRegistry: Registry;
  readonly defaultPredictor: Predictor;
  readonly source: MarketDataSource;
  readonly predictorOptions: Omit<PredictorOptions, "registry" | "source">;
}

/** A scope over a registry of many models (validated names only reach it). */
export function createModelScope(options: ModelScopeOptions): ModelScope {
  const predictors = new Map<string, Predictor>();
  const unknown = (model: string) =>
    new ApiError(
      "MODEL_NOT_FOUND",
      `Unknown model ${JSON.stringify(model.slice(0, 64))}; this server serves only "${DEFAULT_MODEL}".`,
    );
  const registryOf = (model: string | undefined): Registry => {
    if (model === undefined || model === DEFAULT_MODEL) return options.defaultRegistry;
    if (!options.models) throw unknown(model);
    return options.models.model(model);
  };
  return {
    all: options.models,
    registry: registryOf,
    predictor(model) {
      if (model === undefined || model === DEFAULT_MODEL) return options.defaultPredictor;
      let p = predictors.get(model);
      if (p) {
        predictors.delete(model);
        predictors.set(model, p);
        return p;
      }
      p = createPredictor({
        ...options.predictorOptions,
        registry: registryOf(model),
        source: options.source,
      });
      predictors.set(model, p);
      if (predictors.size > MAX_NAMED_MODELS) {
        const [oldest, evicted] = predictors.entries().next().value as [string, Predictor];
        predictors.delete(oldest);
        evicted.close();
      }
      return p;
    },
  };
}
