/**
 * Child process: the real app from apps/api/dist (`createApp`) with the sample source wrapped so
 * every `getCandles` call is counted, served by @hono/node-server on loopback. IPC protocol:
 * sends { type: "listening", port }; answers { type: "stats" } with { type: "stats", getCandles }.
 * Configured by the API's own environment variables (MODEL_REGISTRY_DIR, INFERENCE_CACHE_TTL_MS…).
 */
import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { API_INDEX_JS, apiDependencyUrl } from "./paths.mjs";

const { createApp, loadApiConfig } = await import(new URL(`file://${API_INDEX_JS}`).href);
const { serve } = await import(apiDependencyUrl("@hono/node-server"));

const sample = createSampleSource();
let getCandles = 0;
const source = {
  kind: sample.kind,
  getCandles(symbol, options) {
    getCandles++;
    return sample.getCandles(symbol, options);
  },
};
const config = loadApiConfig(process.env);
const app = createApp({ source, config, models: openRegistry(config.registryLocation) });
const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, (info) => {
  process.send?.({ type: "listening", port: info.port });
});
process.on("message", (m) => {
  if (m?.type === "stats") process.send?.({ type: "stats", getCandles });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
