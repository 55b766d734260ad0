/**
 * The published shape: `pnpm pack` the built package, install the tarball into an empty folder
 * outside the workspace, and use it from both `import` and `require` with plain node.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeFeatures } from "../src/index";

const pkgDir = resolve(import.meta.dirname, "..");
const closes = [100, 101.5, 99.8, 102.2, 103.1, 101.7, 104.4, 105.0];

const consumerScript = (load: string) => `${load}
const table = f.computeFeatures(${JSON.stringify(closes)}, { lookback: 3 });
const stream = f.createFeatureStream({ lookback: 3 });
for (const c of ${JSON.stringify(closes)}) stream.push(c);
let code = null;
try { f.computeFeatures([1, -1], { lookback: 2 }); } catch (e) { code = f.isFeatureError(e) ? e.code : "wrong error"; }
console.log(JSON.stringify({
  offset: table.offset,
  values: Object.fromEntries(table.columns.map((c) => [c, Array.from(table.values[c])])),
  latest: stream.latest(),
  code,
}));
`;

let work = "";
let consumer = "";
let tarballFiles: string[] = [];

beforeAll(() => {
  if (
    !existsSync(join(pkgDir, "dist", "index.js")) ||
    !existsSync(join(pkgDir, "dist", "index.cjs"))
  ) {
    throw new Error(
      "dist/ is missing: build the package first (pnpm turbo run build --filter=@mle/features)",
    );
  }
  work = mkdtempSync(join(tmpdir(), "mle-features-pack-"));
  execFileSync("pnpm", ["pack", "--pack-destination", work], { cwd: pkgDir, stdio: "pipe" });
  const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
  if (!tgz) throw new Error("pnpm pack produced no tarball");
  tarballFiles = execFileSync("tar", ["-tzf", join(work, tgz)], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  consumer = join(work, "consumer");
  execFileSync("mkdir", ["-p", consumer]);
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ name: "consumer", private: true }),
  );
  execFileSync(
    "npm",
    ["install", "--no-audit", "--no-fund", "--offline", "--no-package-lock", join(work, tgz)],
    { cwd: consumer, stdio: "pipe" },
  );
  writeFileSync(join(consumer, "check.mjs"), consumerScript('import * as f from "@mle/features";'));
  writeFileSync(join(consumer, "check.cjs"), consumerScript('const f = require("@mle/features");'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function run(script: string): unknown {
  return JSON.parse(execFileSync("node", [script], { cwd: consumer, encoding: "utf8" }));
}

// Spawning node and npm can be slow on a busy shared machine: generous per-test timeouts.
describe("the packed @mle/features tarball", { timeout: 60_000 }, () => {
  it("contains only the built files, the README, the LICENSE and package.json", () => {
    expect(
      tarballFiles.every((f) => /^package\/(dist\/|README\.md$|LICENSE$|package\.json$)/.test(f)),
    ).toBe(true);
    expect(tarballFiles).toContain("package/dist/index.js");
    expect(tarballFiles).toContain("package/dist/index.cjs");
    expect(tarballFiles).toContain("package/dist/index.d.ts");
  });

  it("installs with no dependencies into an empty folder outside the workspace", () => {
    expect(readdirSync(join(consumer, "node_modules")).filter((d) => !d.startsWith("."))).toEqual([
      "@mle",
    ]);
    expect(consumer.startsWith(resolve(pkgDir, "../.."))).toBe(false);
  });

  const expected = () => {
    const t = computeFeatures(closes, { lookback: 3 });
    return {
      offset: 3,
      values: Object.fromEntries(t.columns.map((c) => [c, Array.from(t.values[c])])),
      latest: Object.fromEntries(t.columns.map((c) => [c, t.values[c][t.length - 1]])),
      code: "INVALID_INPUT",
    };
  };

  it("works from import (ESM) with the same values as the source", () => {
    expect(run("check.mjs")).toEqual(expected());
  });

  it("works from require (CommonJS) with the same values as the source", () => {
    expect(run("check.cjs")).toEqual(expected());
  });

  it("runs the README's Usage example and prints what the README says it prints", () => {
    const readme = readFileSync(join(consumer, "node_modules/@mle/features/README.md"), "utf8");
    const usage = readme.slice(readme.indexOf("## Usage"));
    const code = /```js\n([\s\S]*?)```/.exec(usage)?.[1];
    const printed = /prints\n\n```text\n([\s\S]*?)```/.exec(usage)?.[1];
    expect(code && printed).toBeTruthy();
    writeFileSync(join(consumer, "readme.mjs"), code!);
    const out = execFileSync("node", ["readme.mjs"], { cwd: consumer, encoding: "utf8" });
    const squash = (x: string) => x.replace(/\s+/g, " ").trim();
    expect(squash(out)).toBe(squash(printed!));
  });
});
