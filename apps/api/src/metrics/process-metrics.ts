/**
 * The standard process and Node.js series (`process_cpu_seconds_total`,
 * `process_resident_memory_bytes`, `nodejs_eventloop_lag_seconds`, `nodejs_gc_duration_seconds`,
 * `nodejs_heap_size_used_bytes`, ...) from prom-client's default collectors, so stock Node.js
 * dashboards work. One collector set per process, created on the first scrape: the series
 * describe the process, not an app (two apps in one process would report the same values), and
 * the GC observer and event-loop monitor should exist once.
 * @module
 */
import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * Gauges prom-client names with a `_total` suffix, which promtool rejects for a non-counter; the
 * same counts are also exported without it (`nodejs_active_handles`, ...), so these add nothing.
 */
const DROPPED = [
  "nodejs_active_handles_total",
  "nodejs_active_requests_total",
  "nodejs_active_resources_total",
] as const;

let registry: Registry | undefined;

/** The process's default-collector registry (created, and its collectors started, on first use). */
function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
    for (const name of DROPPED) registry.removeSingleMetric(name);
  }
  return registry;
}

/**
 * The default series in Prometheus text format, ending with a newline.
 *
 * @example
 * ```ts
 * const text = ownMetrics.render() + (await renderProcessMetrics());
 * ```
 */
export async function renderProcessMetrics(): Promise<string> {
  const text = await processRegistry().metrics();
  return text.endsWith("\n") ? text : `${text}\n`;
}
