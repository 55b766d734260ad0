/**
 * The predictor behind the model and predict routes: the injected one, or one built from the app's
 * registry and source (cache TTL from INFERENCE_CACHE_TTL_MS), created once per app. Its counters
 * feed the app's metrics when `/metrics` is rendered.
 * @module
 */
import {
  createPredictor,
  InferenceError,
  NO_ACTIVE_MODEL_MESSAGE,
  type Predictor,
} from "@mle/inference";
import type { Registry } from "@mle/registry";
import type { RouteContext } from "./route-context";

const predictors = new WeakMap<RouteContext, Predictor | null>();

function isPredictor(value: unknown): value is Predictor {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Predictor).predict === "function" &&
    typeof (value as Predictor).readiness === "function"
  );
}

/** The app's predictor, or null when the app has neither a predictor nor a registry. */
export function predictorOf(ctx: RouteContext): Predictor | null {
  const known = predictors.get(ctx);
  if (known !== undefined) return known;
  let predictor: Predictor | null = null;
  if (isPredictor(ctx.predictor)) predictor = ctx.predictor;
  else if (ctx.registry) {
    predictor = createPredictor({
      registry: ctx.registry,
      source: ctx.source,
      cacheTtlMs: ctx.config.inferenceCacheTtlMs,
    });
  }
  predictors.set(ctx, predictor);
  if (predictor) syncMetrics(ctx, predictor);
  return predictor;
}

/** Like {@link predictorOf}, but a missing predictor is NO_ACTIVE_MODEL (503). */
export function requirePredictor(ctx: RouteContext): Predictor {
  const predictor = predictorOf(ctx);
  if (!predictor) throw new InferenceError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return predictor;
}

/** The app's registry; a server without one has no model (NO_ACTIVE_MODEL, 503). */
export function requireRegistry(ctx: RouteContext): Registry {
  if (!ctx.registry) throw new InferenceError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return ctx.registry;
}

/** Copies the predictor's monotonic counters into the app's metrics, as deltas, at collect time. */
function syncMetrics(ctx: RouteContext, predictor: Predictor): void {
  const seen = { hits: 0, misses: 0, byVersion: {} as Record<string, number> };
  ctx.metrics.registry.onCollect(() => {
    const stats = predictor.stats();
    ctx.metrics.cacheHits.inc({ cache: "inference" }, stats.cache.hits - seen.hits);
    ctx.metrics.cacheMisses.inc({ cache: "inference" }, stats.cache.misses - seen.misses);
    seen.hits = stats.cache.hits;
    seen.misses = stats.cache.misses;
    for (const [version, count] of Object.entries(stats.predictionsByVersion)) {
      const delta = count - (seen.byVersion[version] ?? 0);
      if (delta > 0) ctx.metrics.predictions.inc({ model_version: version }, delta);
      seen.byVersion[version] = count;
    }
    ctx.metrics.setActiveModelVersion(stats.servingVersion);
  });
}
