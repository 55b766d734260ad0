#!/usr/bin/env node
// Lints the OpenAPI document the built API serves at /openapi.json with `redocly lint` and the
// recommended rules (redocly.yaml). Part of `pnpm lint` (turbo runs it after the build).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = import.meta.dirname;
const api = await import(join(here, "../dist/index.js"));
const { createSampleSource } = await import("@mle/market-client");
const app = api.createApp({
  source: createSampleSource(),
  config: api.loadApiConfig({ LOG_LEVEL: "silent" }),
  logger: api.createLogger({ level: "silent" }),
});
const doc = await (await app.request("/openapi.json")).json();
const dir = mkdtempSync(join(tmpdir(), "mle-openapi-"));
try {
  const file = join(dir, "openapi.json");
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const bin = join(here, "../node_modules/.bin/redocly");
  const run = spawnSync(
    bin,
    ["lint", file, "--config", join(here, "../redocly.yaml"), "--format", "stylish"],
    {
      stdio: "inherit",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
