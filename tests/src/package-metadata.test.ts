/**
 * Every published package says where it comes from (repository, homepage, bugs, keywords,
 * LICENSE) and builds itself on `pnpm pack` (prepack), so a pack from a fresh clone is never an
 * empty package: shown on a copy of @mle/features whose dist is absent.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PACKAGES = readdirSync(path.join(ROOT, "packages"));
const pnpmMissing = spawnSync("pnpm", ["--version"]).status === 0 ? null : "pnpm on PATH";
if (pnpmMissing && process.env.CI === "true")
  throw new Error(`CI=true and ${pnpmMissing} is missing`);

describe("published package metadata", () => {
  it.each(PACKAGES)(
    "packages/%s has repository, homepage, bugs, keywords, LICENSE and a prepack build",
    (dir) => {
      const pkg = JSON.parse(
        readFileSync(path.join(ROOT, "packages", dir, "package.json"), "utf8"),
      );
      expect(pkg.private).not.toBe(true);
      expect(pkg.repository).toMatchObject({ type: "git", directory: `packages/${dir}` });
      expect(pkg.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
      expect(pkg.homepage).toMatch(new RegExp(`/packages/${dir}#readme$`));
      expect(pkg.bugs?.url).toMatch(/\/issues$/);
      expect(pkg.keywords.length).toBeGreaterThan(0);
      expect(pkg.scripts.prepack).toBe("pnpm run build");
      expect(existsSync(path.join(ROOT, "packages", dir, "LICENSE"))).toBe(true);
    },
  );
});

describe.skipIf(pnpmMissing !== null)(
  `pnpm pack from a tree without dist${pnpmMissing ? ` (skipped: needs ${pnpmMissing})` : ""}`,
  () => {
    it("builds first: the tarball holds dist/index.js, dist/index.cjs and the types", () => {
      const tmp = mkdtempSync(path.join(os.tmpdir(), "mle-prepack-"));
      try {
        const copy = path.join(tmp, "packages", "features");
        const src = path.join(ROOT, "packages", "features");
        for (const f of [
          "src",
          "package.json",
          "tsconfig.json",
          "tsup.config.ts",
          "README.md",
          "LICENSE",
        ]) {
          cpSync(path.join(src, f), path.join(copy, f), { recursive: true });
        }
        // The workspace file carries the catalog that `catalog:` ranges resolve against on pack.
        for (const f of ["tsconfig.base.json", "pnpm-workspace.yaml"])
          cpSync(path.join(ROOT, f), path.join(tmp, f));
        // Its dev tools (tsup, typescript) as installed; no dist anywhere in the copy.
        symlinkSync(path.join(src, "node_modules"), path.join(copy, "node_modules"));
        expect(existsSync(path.join(copy, "dist"))).toBe(false);
        execFileSync("pnpm", ["pack", "--pack-destination", tmp], { cwd: copy, stdio: "pipe" });
        const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
        expect(tarball).toBeDefined();
        const files = execFileSync("tar", ["-tzf", path.join(tmp, tarball as string)], {
          encoding: "utf8",
        }).split("\n");
        expect(files).toEqual(
          expect.arrayContaining([
            "package/dist/index.js",
            "package/dist/index.cjs",
            "package/dist/index.d.ts",
            "package/LICENSE",
            "package/package.json",
          ]),
        );
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }, 120_000);
  },
);
