/**
 * `@mle/cli` as someone outside the repository gets it: the CLI and every `@mle/*` package it runs
 * on packed with pnpm, installed with npm into a fresh project, then the installed `mle` runs from
 * that project: `--version`, `train` on the sample source (no config file there: the built-in
 * defaults) and `serve` on a free port until SIGTERM. The web UI is not published, so `/ui` is 404.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiProcess } from "./reliability/support/api-process";
import { runMle } from "./reliability/support/cli";
import { installPacked, type PackedProject } from "./support/pack";
import { missingTools } from "./support/tools";

const ROOT = path.resolve(import.meta.dirname, "../..");
const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;
const versionOf = (app: string) =>
  readJson<{ version: string }>(path.join(ROOT, "apps", app, "package.json")).version;
/** What the CLI needs at run time: the API it serves and the libraries, not the private UI. */
const CLOSURE = [
  "@mle/api",
  "@mle/cli",
  "@mle/dataset",
  "@mle/evaluation",
  "@mle/features",
  "@mle/inference",
  "@mle/jobs",
  "@mle/market-client",
  "@mle/registry",
  "@mle/trainer",
];
const DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
];
const missing = missingTools("pnpm", "npm");

describe.skipIf(missing !== null)(
  `the packed @mle/cli installed with npm${missing ? ` (skipped: needs ${missing})` : ""}`,
  () => {
    let project: PackedProject;
    let mle: string;
    let registry: string;

    beforeAll(async () => {
      project = await installPacked(["@mle/cli"], "mle-cli-consumer-");
      mle = path.join(project.dir, "node_modules/.bin/mle");
      registry = path.join(project.dir, "models");
    }, 180_000);

    afterAll(async () => {
      await project?.cleanup();
    });

    it("packs the CLI's runtime closure and nothing else: no private UI", () => {
      expect([...project.packed.keys()].sort()).toEqual(CLOSURE);
    });

    it("ships dist, LICENSE and README in every tarball, the bin in the CLI's, the server in the API's", () => {
      for (const p of project.packed.values()) {
        expect(p.files, p.name).toEqual(expect.arrayContaining(["LICENSE", "README.md"]));
        const stray = p.files.filter(
          (f) => !/^(dist|bin)\//.test(f) && !["LICENSE", "README.md", "package.json"].includes(f),
        );
        expect(stray, p.name).toEqual([]);
      }
      expect(project.packed.get("@mle/cli")?.files).toEqual(
        expect.arrayContaining([
          "bin/mle.js",
          "dist/bin.js",
          "dist/index.js",
          "dist/index.d.ts",
          "dist/report-template.html",
        ]),
      );
      expect(project.packed.get("@mle/api")?.files).toEqual(
        expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/server.js"]),
      );
    });

    it("has semver ranges instead of workspace: and catalog: ranges, and each @mle/* once, from its tarball", () => {
      for (const name of CLOSURE) {
        const manifest = readJson<Partial<Record<string, Record<string, string>>>>(
          path.join(project.dir, "node_modules", name, "package.json"),
        );
        for (const field of DEPENDENCY_FIELDS) {
          for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
            expect(range, `${name} ${field} ${dep}`).not.toMatch(/^(workspace|catalog):/);
          }
        }
      }
      const lock = readJson<{ packages: Record<string, { resolved?: string }> }>(
        path.join(project.dir, "package-lock.json"),
      );
      const copies = Object.entries(lock.packages).filter(([key]) =>
        /(^|\/)node_modules\/@mle\/[^/]+$/.test(key),
      );
      expect(copies.map(([key]) => key).sort()).toEqual(CLOSURE.map((n) => `node_modules/${n}`));
      for (const [key, entry] of copies) expect(entry.resolved, key).toMatch(/^file:.+\.tgz$/);
    });

    it("mle --version prints the CLI's version", async () => {
      const r = await runMle(["--version"], { cwd: project.dir, bin: mle });
      expect(r.stderr).toBe("");
      expect([r.code, r.stdout.trim()]).toEqual([0, versionOf("cli")]);
    });

    it("mle train --symbols AAPL trains v1 on the sample source with the built-in defaults", async () => {
      const r = await runMle(["train", "--symbols", "AAPL", "--registry", registry, "--json"], {
        cwd: project.dir,
        bin: mle,
      });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        version: "v1",
        active_version: "v1",
        symbols: ["AAPL"],
        data_source: "sample",
        registry,
      });
    }, 60_000);

    it("mle serve answers /health and /predict with that model, 404 on /ui, and exits 0 on SIGTERM", async () => {
      const api = await startApiProcess(
        {},
        { command: [mle, "serve", "--port", "0", "--registry", registry], cwd: project.dir },
      );
      let code: number | null = null;
      try {
        const health = await fetch(`${api.url}/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: "ok", version: versionOf("api") });
        const predict = await fetch(`${api.url}/predict?symbol=AAPL`);
        expect(predict.status).toBe(200);
        const p = (await predict.json()) as { model_version: string; prediction: number };
        expect(p.model_version).toBe("v1");
        expect(Number.isFinite(p.prediction)).toBe(true);
        const ui = await fetch(`${api.url}/ui/`);
        expect(ui.status).toBe(404);
        expect(await ui.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
        expect((await fetch(`${api.url}/docs`)).status).toBe(200);
      } finally {
        code = await api.stop();
      }
      expect(code, api.output()).toBe(0);
    }, 60_000);
  },
);
