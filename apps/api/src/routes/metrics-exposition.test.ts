import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createSampleSource } from "@mle/market-client";
import { tempRegistry } from "@mle/registry/testing";
import { saveSample } from "@mle/trainer/testing";
import { describe, expect, it } from "vitest";
import { sampleApp } from "../../test/support";

const PROMTOOL = "/usr/bin/promtool";
const hasPromtool = existsSync(PROMTOOL);
if (!hasPromtool && process.env.CI === "true") {
  throw new Error(`${PROMTOOL} is missing (Debian package prometheus); CI must run this test`);
}
if (!hasPromtool)
  console.warn(`skipping the promtool check: ${PROMTOOL} is missing (Debian package prometheus)`);

function value(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** /metrics after the requests every route group answers, with a model so its series exist. */
async function scrape(): Promise<string> {
  const source = createSampleSource({ seed: 3 });
  const { registry, cleanup } = await tempRegistry();
  try {
    await saveSample(registry, source);
    const app = sampleApp({}, { source, registry });
    await app.request("/predict?symbol=AAPL");
    await app.request("/features?symbol=AAPL&lookback=5&limit=2");
    await app.request("/nope");
    return await (await app.request("/metrics")).text();
  } finally {
    await cleanup();
  }
}

describe("the /metrics exposition", () => {
  it("adds the standard process and Node.js series and an in-flight gauge", async () => {
    const text = await scrape();
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "process_start_time_seconds",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
      "nodejs_gc_duration_seconds",
      "nodejs_version_info",
      "nodejs_active_handles",
    ]) {
      expect(text, name).toContain(`# TYPE ${name} `);
    }
    expect(value(text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    // The scrape itself is in flight while it renders.
    expect(value(text, "mle_http_requests_in_flight")).toBe(1);
  });

  it.skipIf(!hasPromtool)("passes promtool check metrics", async () => {
    const text = await scrape();
    const run = spawnSync(PROMTOOL, ["check", "metrics"], { input: text, encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});
