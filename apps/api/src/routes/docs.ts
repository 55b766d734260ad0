import { dirname } from "node:path";
import { createRequire } from "node:module";
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { errorResponse } from "../errors/envelope";
import { openApiDocument } from "../openapi/document";
import { readStaticFile } from "../static/static-files";
import type { RouteContext } from "../context/route-context";

/** Where the generated document and the interactive docs are served. */
export const OPENAPI_PATH = "/openapi.json";
export const DOCS_PATH = "/docs";

/**
 * The Swagger UI files served under `/docs/assets/`, from the pinned `swagger-ui-dist` package
 * installed with the API: the docs page loads nothing from the internet.
 */
export const DOCS_ASSETS = ["swagger-ui.css", "swagger-ui-bundle.js"] as const;

/** The docs pages' CSP: everything from this server; Swagger UI's inline SVG icons are data: URLs. */
const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

// Relative URLs: the page works at /docs behind any path prefix.
const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>ML Engine Platform API</title>
<link rel="icon" href="data:," />
<link rel="stylesheet" href="docs/assets/swagger-ui.css" />
</head>
<body>
<div id="swagger-ui"></div>
<script src="docs/assets/swagger-ui-bundle.js"></script>
<script src="docs/assets/init.js"></script>
</body>
</html>
`;

// A separate file rather than an inline script, so the CSP needs no 'unsafe-inline' for scripts.
const INIT_JS = `window.ui = SwaggerUIBundle({
  url: new URL("openapi.json", document.baseURI).href,
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: false,
});
`;

let assetsDir: string | undefined;
function swaggerDir(): string {
  assetsDir ??= dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return assetsDir;
}

/**
 * `GET /openapi.json` (generated from the zod schemas, with the `bearerAuth` scheme the admin
 * routes use, so the docs page shows an Authorize button) and `GET /docs` (Swagger UI, served
 * offline from `swagger-ui-dist`).
 */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>, ctx: RouteContext): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "The server's ADMIN_TOKEN, for the admin (mutating) routes.",
  });
  const document = openApiDocument(app, ctx.version);
  app.get(OPENAPI_PATH, (c) => c.json(document(), 200));
  app.get(DOCS_PATH, (c) => c.html(DOCS_HTML, 200, { "content-security-policy": DOCS_CSP }));
  app.get(`${DOCS_PATH}/assets/:file`, async (c) => {
    const name = c.req.param("file");
    const headers = {
      "cache-control": "public, max-age=86400",
      "content-security-policy": DOCS_CSP,
    };
    if (name === "init.js") {
      return c.body(INIT_JS, 200, { ...headers, "content-type": "text/javascript; charset=utf-8" });
    }
    const file = (DOCS_ASSETS as readonly string[]).includes(name)
      ? await readStaticFile(swaggerDir(), name)
      : null;
    if (!file) return errorResponse(c, "NOT_FOUND", `No docs asset ${name}.`);
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      ...headers,
      "content-type": file.contentType,
    });
  });
}
