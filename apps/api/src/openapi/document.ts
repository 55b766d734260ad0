/**
 * The OpenAPI document as served at `/openapi.json`: generated from the routes' zod schemas, with
 * `info.license`, `servers`, the bearer scheme and every alias folded into `x-aliases` on the
 * operation it repeats. `pnpm lint` runs `redocly lint` (recommended rules) on it.
 * @module
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { aliasTarget } from "./aliases";

type Operation = Record<string, unknown> & { "x-aliases"?: string[] };
type PathItem = Record<string, Operation>;
type Document = { paths?: Record<string, PathItem> } & Record<string, unknown>;

/** `info`, `servers` and the default (no) security of the document. */
export function openApiConfig(version: string) {
  return {
    openapi: "3.0.3",
    info: {
      title: "ML Engine Platform API",
      version,
      description:
        'Deterministic market features and model predictions. Every error of the API routes has the body `{ error: { code, message, details? } }`; the Open Inference Protocol routes (`/v2`) answer `{ error: "..." }` and the MLflow scoring routes `{ error_code, message }`. Every response has an `x-request-id` header. An operation\'s `x-aliases` lists paths that answer exactly like it.',
      license: { name: "MIT", url: "https://opensource.org/licenses/MIT" },
    },
    servers: [{ url: "/", description: "This server." }],
    // Public by default; the admin routes declare `bearerAuth` themselves.
    security: [],
  };
}

/** Folds alias paths into `x-aliases` of the operation they repeat. Mutates and returns `doc`. */
export function foldAliases<D extends Document>(doc: D): D {
  const paths = doc.paths ?? {};
  const names = new Set(Object.keys(paths));
  for (const path of Object.keys(paths).sort()) {
    const target = aliasTarget(path, names);
    const item = target === undefined ? undefined : paths[target];
    if (item === undefined) continue;
    const aliasItem = paths[path] ?? {};
    for (const method of Object.keys(aliasItem)) {
      const op = item[method];
      if (!op) continue; // a method only the alias path has stays listed there
      op["x-aliases"] = [...(op["x-aliases"] ?? []), path];
      delete aliasItem[method];
    }
    if (Object.keys(aliasItem).length === 0) delete paths[path];
  }
  return doc;
}

/**
 * Builds the document once, on first request (every route is registered by then).
 *
 * @example
 * ```ts
 * const doc = openApiDocument(app, "0.1.0");
 * app.get("/openapi.json", (c) => c.json(doc()));
 * ```
 */
export function openApiDocument(app: OpenAPIHono<AppEnv>, version: string): () => unknown {
  let doc: unknown;
  return () => {
    doc ??= foldAliases(app.getOpenAPIDocument(openApiConfig(version)) as unknown as Document);
    return doc;
  };
}
