import type {
  AliasMove,
  HistoryEntry,
  Predictions,
  RegisteredModel,
  VersionDetails,
  VersionList,
} from "./types";

/** An API answer that is not 2xx, carrying the API's own error code and message. */
export class ApiFailure extends Error {
  override name = "ApiFailure" as const;
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof Error && e.name === "ApiFailure";
}

/** Everything the pages read or write. The HTTP client and a report's embedded data implement it. */
export interface DataSource {
  models(): Promise<RegisteredModel[]>;
  versions(model: string): Promise<VersionList>;
  version(model: string, version: string): Promise<VersionDetails>;
  /** null when the version has no stored predictions (404 PREDICTIONS_NOT_FOUND: trained before they existed). */
  predictions(model: string, version: string): Promise<Predictions | null>;
  history(model: string): Promise<HistoryEntry[]>;
  moveAlias(model: string, alias: string, version: string, token: string): Promise<AliasMove>;
  rollback(model: string, alias: string, token: string): Promise<AliasMove>;
}

const DEFAULT_MODEL = "default";

/**
 * The API root for a UI served at `<root>/ui/`: the UI then works behind a path prefix and
 * against whichever replica served it.
 */
export function apiRootFrom(pathname: string): string {
  const at = pathname.lastIndexOf("/ui/");
  if (at >= 0) return pathname.slice(0, at + 1);
  return pathname.endsWith("/ui") ? pathname.slice(0, -2) : "/";
}

function modelQuery(model: string): string {
  return model === DEFAULT_MODEL ? "" : `?model=${encodeURIComponent(model)}`;
}

/** The {@link DataSource} over the public HTTP API at `root` (e.g. `/`). */
export function httpSource(root: string, fetchFn: typeof fetch = fetch): DataSource {
  async function call<T>(
    method: string,
    path: string,
    init: { token?: string; body?: unknown } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetchFn(root + path.replace(/^\//, ""), {
      method,
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // A non-JSON body (a proxy's HTML page): reported below with the status.
    }
    if (!res.ok) {
      const err = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      throw new ApiFailure(
        res.status,
        typeof err?.code === "string" ? err.code : `HTTP_${res.status}`,
        typeof err?.message === "string" ? err.message : `${method} ${path} answered ${res.status}`,
      );
    }
    return json as T;
  }
  const seg = encodeURIComponent;
  return {
    async models() {
      try {
        return (await call<{ models: RegisteredModel[] }>("GET", "/registry/models")).models;
      } catch (e) {
        // A server without named models (registry v1): one implicit model.
        if (!isApiFailure(e) || e.status !== 404) throw e;
        const list = await call<VersionList>("GET", "/models");
        const active = list.active_version;
        return [
          {
            name: DEFAULT_MODEL,
            version_count: list.models.length,
            latest_version: list.models[0]?.version ?? null,
            aliases: active ? [{ alias: "active", version: active, activated_at: null }] : [],
          },
        ];
      }
    },
    versions: (model) => call("GET", `/models${modelQuery(model)}`),
    version: (model, version) => call("GET", `/model/${seg(version)}${modelQuery(model)}`),
    async predictions(model, version) {
      try {
        return await call<Predictions>(
          "GET",
          `/model/${seg(version)}/predictions${modelQuery(model)}`,
        );
      } catch (e) {
        // Only "this version has none"; an unknown version or alias stays an error. A server
        // older than the route answers the generic NOT_FOUND.
        if (isApiFailure(e) && (e.code === "PREDICTIONS_NOT_FOUND" || e.code === "NOT_FOUND"))
          return null;
        throw e;
      }
    },
    async history(model) {
      return (
        await call<{ history: HistoryEntry[] }>("GET", `/registry/models/${seg(model)}/history`)
      ).history;
    },
    moveAlias: (model, alias, version, token) =>
      call("PUT", `/registry/models/${seg(model)}/aliases/${seg(alias)}`, {
        token,
        body: { version, reason: "moved from the web UI" },
      }),
    rollback: (model, alias, token) =>
      call("POST", `/registry/models/${seg(model)}/aliases/${seg(alias)}/rollback`, {
        token,
        body: { reason: "rolled back from the web UI" },
      }),
  };
}

/** The artifact name of the stored predictions, as metadata.json's `artifacts` lists it. */
const PREDICTIONS_FILE = "predictions.json";

/**
 * The stored predictions of a version, or null. Asked for only when the version is ok and its
 * metadata lists the file, so older versions cost no request (and no 404 in the console).
 */
export async function predictionsFor(
  api: DataSource,
  model: string,
  d: VersionDetails,
): Promise<Predictions | null> {
  const artifacts = d.metadata?.artifacts;
  const listed =
    artifacts !== null && typeof artifacts === "object" && PREDICTIONS_FILE in artifacts;
  return d.status === "ok" && listed ? api.predictions(model, d.version) : null;
}
