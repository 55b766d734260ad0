/**
 * Every published package (the libraries in packages/*, `@mle/api` and `@mle/cli`) says where it
 * comes from (repository, homepage, bugs, keywords, LICENSE), is public, states its Node version,
 * is linted by publint and attw, and builds itself on `pnpm pack` (prepack), so a pack from a
 * fresh clone is never an empty package: shown on a copy of @mle/features whose dist is absent.
 * The web UI stays private.
 */
import { execFileSync } from "node:child_process";
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
import { missingTools } from "./support/tools";

const ROOT = path.resolve(import.meta.dirname, "../..");
const manifest = (dir: string) =>
  JSON.parse(readFileSync(path.join(ROOT, dir, "package.json"), "utf8"));
const APPS = readdirSync(path.join(ROOT, "apps")).map((dir) => `apps/${dir}`);
const PUBLISHED = [
  ...readdirSync(path.join(ROOT, "packages")).map((dir) => `packages/${dir}`),
  ...APPS.filter((dir) => manifest(dir).private !== true),
];
const pnpmMissing = missingTools("pnpm");

describe("published package metadata", () => {
  it("publishes the apps @mle/api and @mle/cli; the web UI stays private", () => {
    const privateApps = APPS.filter((dir) => !PUBLISHED.includes(dir));
    expect(privateApps.map((dir) => manifest(dir).name)).toEqual(["ui"]);
    expect(PUBLISHED.filter((dir) => dir.startsWith("apps/")).sort()).toEqual([
      "apps/api",
      "apps/cli",
    ]);
  });

  it.each(PUBLISHED)(
    "%s has repository, homepage, bugs, keywords, LICENSE and a prepack build",
    (dir) => {
      const pkg = manifest(dir);
      expect(pkg.private).not.toBe(true);
      expect(pkg.name).toMatch(/^@mle\//);
      expect(pkg.repository).toMatchObject({ type: "git", directory: dir });
      expect(pkg.repository.url).toMatch(/^git\+https:\/\/.+\.git$/);
      expect(pkg.homepage).toMatch(new RegExp(`/${dir}#readme$`));
      expect(pkg.bugs?.url).toMatch(/\/issues$/);
      expect(pkg.keywords.length).toBeGreaterThan(0);
      expect(pkg.scripts.prepack).toBe("pnpm run build");
      expect(existsSync(path.join(ROOT, dir, "LICENSE"))).toBe(true);
    },
  );

  it.each(PUBLISHED)(
    "%s is public, states its Node version, ships dist, is linted by publint and attw, and depends on @mle/* with workspace:^",
    (dir) => {
      const pkg = manifest(dir);
      expect(pkg.publishConfig).toEqual({ access: "public" });
      expect(pkg.engines.node).toMatch(/^>=20\.\d+$/);
      expect(pkg.files).toContain("dist");
      expect(pkg.scripts.lint).toMatch(/publint --strict && .*attw --pack \./);
      for (const [name, range] of Object.entries(pkg.dependencies ?? {})) {
        if (name.startsWith("@mle/")) expect(range, name).toBe("workspace:^");
      }
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
        for (const f of ["tsconfig.base.json", "tsup.shared.ts", "pnpm-workspace.yaml"])
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
