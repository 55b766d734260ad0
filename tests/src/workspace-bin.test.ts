/** `mle` is on the workspace's PATH after install: `pnpm exec mle …` from the repository root. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const pnpm = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
const missing = pnpm.status === 0 ? null : "pnpm on PATH";
if (missing && process.env.CI === "true") throw new Error(`CI=true and ${missing} is missing`);

describe.skipIf(missing !== null)(
  `pnpm exec mle from the root${missing ? ` (skipped: needs ${missing})` : ""}`,
  () => {
    it("prints the CLI's version and lists `serve` in the help", () => {
      const { version } = JSON.parse(
        readFileSync(path.join(ROOT, "apps/cli/package.json"), "utf8"),
      );
      const v = spawnSync("pnpm", ["exec", "mle", "--version"], { cwd: ROOT, encoding: "utf8" });
      expect(v.status, v.stderr).toBe(0);
      expect(v.stdout.trim()).toBe(version);
      const help = spawnSync("pnpm", ["exec", "mle", "--help"], { cwd: ROOT, encoding: "utf8" });
      expect(help.stdout).toMatch(/\n {2}serve \[options\] +start the HTTP API/);
    });
  },
);
