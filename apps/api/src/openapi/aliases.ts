/**
 * Paths that answer like another path but are listed once in the OpenAPI document: every route
 * under `/api/v1` that also exists unprefixed, plus the alias table below. The document marks the
 * listed operation with `x-aliases` instead of repeating it (same operationId twice is invalid).
 * @module
 */

/** Prefix under which the versioned API is mounted (those routes also answer unprefixed). */
export const API_PREFIX = "/api/v1";

/** Alias path -> the documented path it answers like. */
export const PATH_ALIASES: Readonly<Record<string, string>> = {
  // Collection and item under one noun, like /models/{version}/activate; the seed's path stays.
  "/models/{version}": "/model/{version}",
};

/** The documented path an alias stands for, or undefined when `path` is not an alias. */
export function aliasTarget(path: string, paths: ReadonlySet<string>): string | undefined {
  const direct = PATH_ALIASES[path];
  if (direct !== undefined) return direct;
  if (!path.startsWith(`${API_PREFIX}/`)) return undefined;
  const bare = path.slice(API_PREFIX.length);
  return PATH_ALIASES[bare] ?? (paths.has(bare) ? bare : undefined);
}
