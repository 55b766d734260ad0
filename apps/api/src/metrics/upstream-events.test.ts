import { describe, expect, it } from "vitest";
import { createApiMetrics } from "./api-metrics";
import { recordUpstreamEvent } from "./upstream-events";

describe("recordUpstreamEvent", () => {
  it("counts attempts, responses by class, retries by reason, calls and failures by code", () => {
    const m = createApiMetrics({ version: "t", uptimeSeconds: () => 0 });
    recordUpstreamEvent(m, { type: "request" });
    recordUpstreamEvent(m, { type: "response", status: 503 });
    recordUpstreamEvent(m, { type: "retry", reason: "status 503" });
    recordUpstreamEvent(m, { type: "request" });
    recordUpstreamEvent(m, { type: "retry", reason: "timeout" });
    recordUpstreamEvent(m, { type: "retry", reason: "something\nodd" });
    recordUpstreamEvent(m, { type: "request" });
    recordUpstreamEvent(m, { type: "response", status: 200 });
    recordUpstreamEvent(m, { type: "success", durationMs: 120 });
    recordUpstreamEvent(m, {
      type: "failure",
      code: "UPSTREAM_UNAVAILABLE",
      circuitOpen: true,
      durationMs: 0,
    });
    expect(m.upstreamRequests.get()).toBe(3);
    expect(m.upstreamResponses.get({ status_class: "5xx" })).toBe(1);
    expect(m.upstreamResponses.get({ status_class: "2xx" })).toBe(1);
    expect(m.upstreamRetries.get({ reason: "status 503" })).toBe(1);
    expect(m.upstreamRetries.get({ reason: "timeout" })).toBe(1);
    expect(m.upstreamRetries.get({ reason: "other" })).toBe(1);
    expect(m.upstreamCalls.get({ outcome: "success" })).toBe(1);
    expect(m.upstreamCalls.get({ outcome: "failure" })).toBe(1);
    expect(m.upstreamFailures.get({ code: "UPSTREAM_UNAVAILABLE", circuit_open: "true" })).toBe(1);
    expect(m.upstreamCallDuration.count({ outcome: "success" })).toBe(1);
  });

  it("tracks the breaker state as 0 closed, 1 half-open, 2 open", () => {
    const m = createApiMetrics({ version: "t", uptimeSeconds: () => 0 });
    recordUpstreamEvent(m, { type: "breaker", to: "open" });
    expect(m.circuitState.get()).toBe(2);
    recordUpstreamEvent(m, { type: "breaker", to: "half-open" });
    expect(m.circuitState.get()).toBe(1);
    recordUpstreamEvent(m, { type: "breaker", to: "closed" });
    expect(m.circuitState.get()).toBe(0);
  });
});
