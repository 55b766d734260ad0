/**
 * Where the serving benchmark finds the built API and the server libraries it uses. The bench
 * package does not depend on `api`, so hono and @hono/node-server are resolved from apps/api:
 * the bare baseline runs on exactly the copies the API runs on.
 * @module
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const API_DIR = path.join(REPO_ROOT, "apps/api");
export const API_SERVER_JS = path.join(API_DIR, "dist/server.js");
export const API_INDEX_JS = path.join(API_DIR, "dist/index.js");

/** File URL of the ESM entry of `name` as installed for apps/api (follows `exports["."].import`). */
export function apiDependencyUrl(name) {
  const dir = fs.realpathSync(path.join(API_DIR, "node_modules", name));
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  const entry = pkg.exports?.["."]?.import;
  const file = typeof entry === "string" ? entry : (entry?.default ?? pkg.module ?? pkg.main);
  if (typeof file !== "string") throw new Error(`no ESM entry for ${name}`);
  return pathToFileURL(path.join(dir, file)).href;
}

/** Throws a clear message when the API has not been built. */
export function requireBuiltApi() {
  for (const file of [API_SERVER_JS, API_INDEX_JS]) {
    if (!fs.existsSync(file)) {
      throw new Error(
        `serving bench: ${file} is missing; run \`pnpm turbo run build --filter=@mle/api...\``,
      );
    }
  }
}
