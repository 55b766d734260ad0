#!/usr/bin/env node
// The main job on a fresh clone: train a first model on the embedded sample data when the
// registry has no active model, then start the API on PORT (default 8000).
// Run through `pnpm start`, which builds the apps first.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "apps/cli/dist/bin.js");
const server = path.join(root, "apps/api/dist/server.js");
const env = {
  ...process.env,
  INIT_CWD: process.env.INIT_CWD ?? process.cwd(),
  // The built web UI, served at /ui (an absolute path, so INIT_CWD does not move it).
  UI_DIR: process.env.UI_DIR || path.join(root, "apps/ui/dist"),
};

const listed = spawnSync(process.execPath, [cli, "models", "list", "--json"], {
  env,
  encoding: "utf8",
});
if (listed.status !== 0) {
  process.stderr.write(listed.stderr || "mle models list failed\n");
  process.exit(listed.status ?? 1);
}
const { active_version: active } = JSON.parse(listed.stdout);
if (!active) {
  process.stderr.write(
    "No active model yet: training one on the configured data source (configs/train.yaml)...\n",
  );
  const trained = spawnSync(process.execPath, [cli, "train", "--activate"], {
    env,
    stdio: "inherit",
  });
  if (trained.status !== 0) process.exit(trained.status ?? 1);
} else {
  process.stderr.write(`Active model ${active} found; starting the API.\n`);
}

const api = spawn(process.execPath, [server], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => api.kill(signal));
api.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
