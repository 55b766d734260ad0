import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env";
import { errorResponse } from "../errors/envelope";
import { readStaticFile } from "../static/static-files";

/** Where the web UI is mounted. */
export const UI_PATH = "/ui";

/**
 * The UI's CSP: scripts, styles and data only from this server, so a page that tried to load
 * anything from the internet would fail in the browser (and the browser tests).
 */
export const UI_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/**
 * `GET /ui/*`: the static files of the built web UI (apps/ui/dist) from `dir`. The API does not
 * import the UI: it serves whatever folder it is given. Without a folder, `/ui` is 404 saying so.
 * Hashed `assets/` are cached for a year; `index.html` is revalidated every time.
 */
export function registerUiRoutes(app: OpenAPIHono<AppEnv>, dir: string | undefined): void {
  app.get(UI_PATH, (c) => c.body(null, 308, { location: "ui/" }));
  app.get(`${UI_PATH}/*`, async (c) => {
    if (dir === undefined) {
      return errorResponse(
        c,
        "NOT_FOUND",
        "The web UI is not enabled on this server (set UI_DIR).",
      );
    }
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(UI_PATH.length + 1));
    } catch {
      return errorResponse(c, "NOT_FOUND", "No such UI file.");
    }
    const file = await readStaticFile(dir, rel === "" ? "index.html" : rel);
    if (!file) return errorResponse(c, "NOT_FOUND", "No such UI file.");
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      "content-type": file.contentType,
      "cache-control": rel.startsWith("assets/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      "content-security-policy": UI_CSP,
    });
  });
}
