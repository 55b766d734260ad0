#!/usr/bin/env node
// Dependency direction is part of the design. This check fails the lint when a package
// declares or imports something outside its allowed set, imports an app, or forms a cycle.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** Allowed runtime dependencies per library (workspace and npm). */
const allowed = {
  "@mle/features": [],
  "@mle/evaluation": [],
  "@mle/market-client": ["zod"],
  "@mle/dataset": ["@mle/features"],
  "@mle/trainer": ["@mle/dataset", "@mle/evaluation", "ml-matrix", "zod"],
  // The S3 backend speaks the S3 API through the AWS SDK (the registry README says why).
  "@mle/registry": ["@aws-sdk/client-s3", "zod"],
  "@mle/inference": ["@mle/market-client", "@mle/features", "@mle/registry", "@mle/trainer"],
  "@mle/jobs": ["bullmq", "ioredis"],
};

/** Libraries an app must never depend on: the API stays a stateless server, never a job runner. */
const forbiddenInApps = { api: ["@mle/jobs"] };

/** The apps' package names (`@mle/api`, `@mle/cli`, `ui`), read so a rename keeps the check on. */
const appNames = new Set(
  fs
    .readdirSync(path.join(root, "apps"))
    .map(
      (dir) =>
        JSON.parse(fs.readFileSync(path.join(root, "apps", dir, "package.json"), "utf8")).name,
    ),
);

/** Libraries that must run in any JavaScript runtime: no Node built-ins. */
const NO_NODE = new Set(["@mle/features", "@mle/evaluation"]);

const problems = [];
const graph = new Map();

for (const dir of fs.readdirSync(path.join(root, "packages"))) {
  const pkgDir = path.join(root, "packages", dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const allow = allowed[pkg.name];
  if (!allow) {
    problems.push(`${pkg.name}: not listed in scripts/check-boundaries.mjs`);
    continue;
  }
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  for (const d of deps) {
    if (!allow.includes(d)) problems.push(`${pkg.name}: dependency "${d}" is not allowed`);
  }
  graph.set(
    pkg.name,
    deps.filter((d) => d.startsWith("@mle/")),
  );
  // Only what ships counts: the files reachable from each published entry (src/index.ts and a
  // subpath's src/<name>/index.ts, e.g. market-client's ./testing); test files may use dev tools.
  for (const file of shippedFiles(pkgDir, pkg)) {
    const src = fs.readFileSync(file, "utf8");
    for (const spec of importsOf(src)) {
      const rel = path.relative(root, file);
      if (spec.startsWith(".")) {
        const target = path.resolve(path.dirname(file), spec);
        if (!target.startsWith(pkgDir + path.sep))
          problems.push(`${rel}: relative import "${spec}" leaves the package`);
        continue;
      }
      if (spec.startsWith("node:")) {
        if (NO_NODE.has(pkg.name))
          problems.push(`${rel}: ${pkg.name} must not use Node built-ins ("${spec}")`);
        continue;
      }
      const name = spec.startsWith("@")
        ? spec.split("/").slice(0, 2).join("/")
        : spec.split("/")[0];
      if (appNames.has(name)) problems.push(`${rel}: packages never import apps ("${spec}")`);
      else if (!allow.includes(name))
        problems.push(`${rel}: imports "${spec}", not an allowed dependency of ${pkg.name}`);
    }
  }
}

for (const [app, names] of Object.entries(forbiddenInApps)) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "apps", app, "package.json"), "utf8"));
  for (const name of names) {
    if (pkg.dependencies?.[name] || pkg.devDependencies?.[name])
      problems.push(`apps/${app}: must not depend on ${name}`);
  }
}

function shippedFiles(pkgDir, pkg) {
  const entries = Object.keys(pkg.exports ?? { ".": "" })
    .filter((key) => key !== "./package.json")
    .map((key) => (key === "." ? "index.ts" : `${key.slice(2)}/index.ts`));
  const files = new Set();
  for (const entry of entries)
    for (const f of reachable(path.join(pkgDir, "src", entry))) files.add(f);
  return files;
}

function importsOf(src) {
  const specs = [];
  for (const m of src.matchAll(/(?:\bfrom|\bimport\(|\brequire\(|^\s*import)\s*["']([^"']+)["']/gm))
    specs.push(m[1]);
  return specs;
}

function reachable(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    for (const spec of importsOf(fs.readFileSync(file, "utf8"))) {
      if (!spec.startsWith(".")) continue;
      const base = path.resolve(path.dirname(file), spec).replace(/\.(js|mjs|cjs)$/, "");
      const hit = [".ts", ".mts", ".cts", "/index.ts"]
        .map((ext) => base + ext)
        .find((f) => fs.existsSync(f));
      if (hit) queue.push(hit);
    }
  }
  return seen;
}

// Cycle check over the declared @mle graph.
const state = new Map();
function visit(n, trail) {
  if (state.get(n) === "done") return;
  if (state.get(n) === "active") {
    problems.push(`cycle: ${[...trail, n].join(" -> ")}`);
    return;
  }
  state.set(n, "active");
  for (const d of graph.get(n) ?? []) visit(d, [...trail, n]);
  state.set(n, "done");
}
for (const n of graph.keys()) visit(n, []);

if (problems.length) {
  console.error(`Dependency boundaries violated:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `boundaries ok: ${graph.size} packages, no cycles, ${[...NO_NODE].join(" and ")} import nothing`,
);
