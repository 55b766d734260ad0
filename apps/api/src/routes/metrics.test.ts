import { describe, expect, it } from "vitest";
import { envelope, sampleApp } from "../../test/support";
import { createApiMetrics } from "../metrics/api-metrics";

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("shows request counts and latency by route pattern and status after requests", async () => {
    const app = sampleApp();
    await app.request("/health");
    await app.request("/health");
    await app.request("/api/v1/features?symbol=aapl&lookback=5&limit=3");
    await app.request("/features?symbol=bad!&lookback=5");
    await app.request("/no/such/route/123");
    const res = await app.request("/metrics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = await res.text();
    expect(sample(text, 'mle_http_requests_total{method="GET",route="/health",status="200"}')).toBe(
      2,
    );
    expect(
      sample(text, 'mle_http_requests_total{method="GET",route="/api/v1/features",status="200"}'),
    ).toBe(1);
    expect(
      sample(text, 'mle_http_requests_total{method="GET",route="/features",status="422"}'),
    ).toBe(1);
    expect(
      sample(text, 'mle_http_requests_total{method="GET",route="unmatched",status="404"}'),
    ).toBe(1);
    expect(text).not.toContain("/no/such/route");
    expect(
      sample(
        text,
        'mle_http_request_duration_seconds_count{method="GET",route="/health",status="200"}',
      ),
    ).toBe(2);
    expect(sample(text, "mle_process_uptime_seconds")).toBeGreaterThanOrEqual(0);
  });

  it("exposes cache, prediction, active model and upstream series through the injected metrics", async () => {
    const metrics = createApiMetrics({ version: "1.0.0", uptimeSeconds: () => 1 });
    const app = sampleApp({}, { metrics });
    metrics.cacheHits.inc({ cache: "inference" });
    metrics.cacheMisses.inc({ cache: "inference" }, 2);
    metrics.predictions.inc({ model_version: "v3" });
    metrics.setActiveModelVersion("v2");
    metrics.setActiveModelVersion("v3");
    metrics.setCircuitState("open");
    const text = await (await app.request("/metrics")).text();
    expect(sample(text, 'mle_cache_hits_total{cache="inference"}')).toBe(1);
    expect(sample(text, 'mle_cache_misses_total{cache="inference"}')).toBe(2);
    expect(sample(text, 'mle_predictions_total{model_version="v3"}')).toBe(1);
    expect(sample(text, 'mle_active_model_version{version="v3"}')).toBe(1);
    expect(text).not.toContain('mle_active_model_version{version="v2"}');
    expect(sample(text, "mle_upstream_circuit_state")).toBe(2);
    expect(sample(text, 'mle_build_info{version="1.0.0"}')).toBe(1);
  });

  it("answers POST /metrics with 405", async () => {
    const res = await sampleApp().request("/metrics", { method: "POST" });
    expect(res.status).toBe(405);
    expect((await envelope(res)).code).toBe("METHOD_NOT_ALLOWED");
  });
});
