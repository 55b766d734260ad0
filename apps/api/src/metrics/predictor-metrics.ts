import type { Predictor } from "@mle/inference";
import type { ApiMetrics } from "./api-metrics";

/**
 * Copies the predictor's monotonic counters into the app's metrics, as deltas, at collect time
 * (the predictor counts; the API owns the series).
 */
export function syncPredictorMetrics(metrics: ApiMetrics, predictor: Predictor): void {
  const seen = { hits: 0, misses: 0, byVersion: {} as Record<string, number> };
  metrics.registry.onCollect(() => {
    const stats = predictor.stats();
    metrics.cacheHits.inc({ cache: "inference" }, stats.cache.hits - seen.hits);
    metrics.cacheMisses.inc({ cache: "inference" }, stats.cache.misses - seen.misses);
    seen.hits = stats.cache.hits;
    seen.misses = stats.cache.misses;
    for (const [version, count] of Object.entries(stats.predictionsByVersion)) {
      const delta = count - (seen.byVersion[version] ?? 0);
      if (delta > 0) metrics.predictions.inc({ model_version: version }, delta);
      seen.byVersion[version] = count;
    }
    metrics.setActiveModelVersion(stats.servingVersion);
  });
}
