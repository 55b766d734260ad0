/**
 * `mle` is on the workspace's PATH after install: the root depends on `@mle/cli` (apps/cli), whose
 * `mle` bin `pnpm exec mle …` runs from the repository root.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingTools } from "./support/tools";

const ROOT = path.resolve(import.meta.dirname, "../..");
const manifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(ROOT, dir, "package.json"), "utf8"));
const missing = missingTools("pnpm");

describe("the workspace's mle", () => {
  it("comes from the root's devDependency on @mle/cli, linked to apps/cli, bin mle", () => {
    expect(manifest(".").devDependencies["@mle/cli"]).toBe("workspace:*");
    expect(manifest("apps/cli")).toMatchObject({
      name: "@mle/cli",
      bin: { mle: "./bin/mle.js" },
    });
    expect(realpathSync(path.join(ROOT, "node_modules/@mle/cli"))).toBe(
      realpathSync(path.join(ROOT, "apps/cli")),
    );
  });
});

describe.skipIf(missing !== null)(
  `pnpm exec mle from the root${missing ? ` (skipped: needs ${missing})` : ""}`,
  () => {
    it("prints the CLI's version and lists `serve` in the help", () => {
      const { version } = manifest("apps/cli");
      const v = spawnSync("pnpm", ["exec", "mle", "--version"], { cwd: ROOT, encoding: "utf8" });
      expect(v.status, v.stderr).toBe(0);
      expect(v.stdout.trim()).toBe(version);
      const help = spawnSync("pnpm", ["exec", "mle", "--help"], { cwd: ROOT, encoding: "utf8" });
      expect(help.stdout).toMatch(/\n {2}serve \[options\] +start the HTTP API/);
    });
  },
);
