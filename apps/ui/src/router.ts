/** The pages, addressed by the URL hash so the static server needs no fallback routes. */
export type Route =
  | { readonly page: "models" }
  | { readonly page: "versions"; readonly model: string }
  | { readonly page: "version"; readonly model: string; readonly version: string }
  | { readonly page: "compare"; readonly model: string; readonly a: string; readonly b: string }
  | { readonly page: "history"; readonly model: string }
  | { readonly page: "not-found"; readonly hash: string };

/**
 * Parses `#/`, `#/m/NAME`, `#/m/NAME/v/VERSION`, `#/m/NAME/compare/A/B`, `#/m/NAME/history`.
 *
 * @example
 * ```ts
 * parseRoute("#/m/default/v/v3"); // { page: "version", model: "default", version: "v3" }
 * ```
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "").replace(/\?.*$/, "");
  const parts = path
    .split("/")
    .filter((p) => p.length > 0)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  if (parts.length === 0) return { page: "models" };
  if (parts[0] === "m" && parts[1] !== undefined) {
    const model = parts[1];
    if (parts.length === 2) return { page: "versions", model };
    if (parts[2] === "v" && parts.length === 4)
      return { page: "version", model, version: parts[3]! };
    if (parts[2] === "compare" && parts.length === 5)
      return { page: "compare", model, a: parts[3]!, b: parts[4]! };
    if (parts[2] === "history" && parts.length === 3) return { page: "history", model };
  }
  return { page: "not-found", hash };
}
