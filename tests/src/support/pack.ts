/**
 * Workspace packages as another team gets them: packed with pnpm (so `workspace:` and `catalog:`
 * ranges become semver ranges) and installed with plain npm into a fresh project outside the
 * workspace, every `@mle/*` package, also the transitive ones, from its tarball.
 * @module
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../../..");

/** One tarball `pnpm pack --json` wrote. */
export interface PackedPackage {
  readonly name: string;
  readonly version: string;
  /** Absolute path of the .tgz. */
  readonly filename: string;
  /** Paths inside the tarball, relative to its `package/` folder. */
  readonly files: readonly string[];
}

export interface PackedProject {
  /** The project folder (under the OS temp dir) the tarballs were installed into. */
  readonly dir: string;
  /** Every package packed for it, by name. */
  readonly packed: ReadonlyMap<string, PackedPackage>;
  cleanup(): Promise<void>;
}

/**
 * Packs `names` and the workspace packages they need at run time into `dest`, in one pnpm run.
 * The packages' `prepack` build is not run: the test task depends on the build (turbo), and
 * package-metadata.test.ts shows that prepack builds a tree without dist. A tarball without
 * `dist/` is an error here, so a missing build cannot pass as a small package.
 */
export async function packWorkspace(
  names: readonly string[],
  dest: string,
): Promise<PackedPackage[]> {
  const filters = names.flatMap((name) => ["--filter-prod", `${name}...`]);
  const { stdout } = await run(
    "pnpm",
    [...filters, "--config.ignore-scripts=true", "pack", "--pack-destination", dest, "--json"],
    { cwd: REPO, maxBuffer: 64 * 1024 * 1024 },
  );
  const parsed = JSON.parse(stdout) as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
    name: string;
    version: string;
    filename: string;
    files: Array<{ path: string }>;
  }>;
  return list.map((p) => {
    const files = p.files.map((f) => f.path);
    if (!files.some((f) => f.startsWith("dist/")))
      throw new Error(`${p.name} packed without dist/: run \`pnpm build\` first`);
    return { name: p.name, version: p.version, filename: p.filename, files };
  });
}

/**
 * A fresh project that depends on `names` through `file:` tarballs, with npm `overrides` pointing
 * every other packed package at its tarball too, installed with `npm install`.
 *
 * @example
 * const project = await installPacked(["@mle/cli"]);
 * // project.dir/node_modules/.bin/mle
 * await project.cleanup();
 */
export async function installPacked(
  names: readonly string[],
  prefix = "mle-consumer-",
): Promise<PackedProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  try {
    const packed = await packWorkspace(names, path.join(dir, "tarballs"));
    const specs: Record<string, string> = Object.fromEntries(
      packed.map((p) => [p.name, `file:${path.relative(dir, p.filename)}`]),
    );
    const missing = names.filter((name) => specs[name] === undefined);
    if (missing.length > 0) throw new Error(`not workspace packages: ${missing.join(", ")}`);
    const manifest = {
      name: "consumer",
      version: "1.0.0",
      private: true,
      dependencies: Object.fromEntries(names.map((name) => [name, specs[name]])),
      // A direct dependency's override must be the same spec, which it is.
      overrides: specs,
    };
    await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
      { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
    );
    return {
      dir,
      packed: new Map(packed.map((p) => [p.name, p])),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}
