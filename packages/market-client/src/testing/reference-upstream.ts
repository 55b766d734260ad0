import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isMarketDataError, type MarketDataErrorCode } from "../errors";
import { mulberry32 } from "../prng";
import type { MarketDataSource } from "../source";
import { normalizeSymbol } from "../symbol";
import {
  type FaultKind,
  pickRandomFault,
  type UpstreamFaults,
  validateFaults,
} from "./upstream-faults";
import { sendBody, sendError, sendInjectedFault, sendJson } from "./upstream-responses";

export const DEFAULT_UPSTREAM_LIMIT = 100;
export const MAX_UPSTREAM_LIMIT = 100_000;

export interface ReferenceUpstreamOptions {
  source: MarketDataSource;
  /** Default 0 (an ephemeral port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  faults?: UpstreamFaults;
  /** Seed of the random fault selection; default 1, so a run is reproducible request by request. */
  seed?: number;
  /** Answer `{ symbol, candles }` (default) or a bare array. */
  shape?: "envelope" | "array";
}

export interface UpstreamStats {
  requests: number;
  bySymbol: Record<string, number>;
  /** Injected faults by kind. */
  faults: Record<FaultKind, number>;
  /** Requests being answered now, and the most there were at once (a caller's fan-out). */
  inFlight: number;
  peakInFlight: number;
}

export interface ReferenceUpstream {
  /** `http://host:port`, no trailing slash. */
  readonly url: string;
  /** Replaces the whole fault set (and restarts the `failNext` count). */
  setFaults(faults: UpstreamFaults): void;
  readonly stats: UpstreamStats;
  resetStats(): void;
  /** Stops listening and destroys every open connection, keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

const SOURCE_STATUS: Partial<Record<MarketDataErrorCode, number>> = {
  SYMBOL_NOT_FOUND: 404,
  INVALID_SYMBOL: 400,
  INSUFFICIENT_DATA: 404,
  UPSTREAM_TIMEOUT: 504,
  UPSTREAM_UNAVAILABLE: 503,
};

function emptyStats(): UpstreamStats {
  return {
    requests: 0,
    inFlight: 0,
    peakInFlight: 0,
    bySymbol: {},
    faults: { error: 0, malformed: 0, schema: 0, drop: 0, truncate: 0 },
  };
}

/**
 * A small upstream Market Data Platform on `node:http`: `GET /candles?symbol=XYZ&limit=N` answers
 * `{ symbol, candles }` from any {@link MarketDataSource}; `GET /health` answers `{ status: "ok" }`.
 * Faults (latency, errors with status and `Retry-After`, malformed JSON, wrong schema, truncated bodies,
 * dropped connections) are switchable at run time; random ones are drawn from a seeded generator.
 *
 * @example
 * ```ts
 * const upstream = await startReferenceUpstream({ source: createSampleSource(), faults: { errorRate: 0.1 } });
 * const client = createHttpSource({ baseUrl: upstream.url });
 * await client.getCandles("AAPL", { limit: 10 });
 * await upstream.close();
 * ```
 */
export async function startReferenceUpstream(
  options: ReferenceUpstreamOptions,
): Promise<ReferenceUpstream> {
  const { source } = options;
  const shape = options.shape ?? "envelope";
  let faults = validateFaults(options.faults ?? {});
  let failNextLeft = faults.failNext ?? 0;
  const uniform = mulberry32(options.seed ?? 1);
  let stats = emptyStats();
  const pending = new Set<() => void>();
  let closing = false;
  let closed: Promise<void> | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pending.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pending.add(done);
    });

  const chooseFault = (): FaultKind | undefined => {
    if (failNextLeft > 0) {
      failNextLeft--;
      return faults.failNextWith ?? "error";
    }
    return pickRandomFault(faults, uniform());
  };

  const handleCandles = async (
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
  ) => {
    let symbol: string;
    try {
      symbol = normalizeSymbol(query.get("symbol") ?? "");
    } catch (e) {
      sendError(res, 400, "INVALID_SYMBOL", (e as Error).message);
      return;
    }
    stats.bySymbol[symbol] = (stats.bySymbol[symbol] ?? 0) + 1;
    const limitText = query.get("limit");
    const limit = limitText === null ? DEFAULT_UPSTREAM_LIMIT : Number(limitText);
    if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_UPSTREAM_LIMIT) {
      sendError(
        res,
        400,
        "INVALID_LIMIT",
        `limit must be an integer in [1, ${MAX_UPSTREAM_LIMIT}]`,
      );
      return;
    }
    const fault = chooseFault();
    if (fault !== undefined) stats.faults[fault]++;
    if (faults.latencyMs) await wait(faults.latencyMs);
    if (closing || res.destroyed) {
      req.socket.destroy();
      return;
    }
    if (
      fault !== undefined &&
      fault !== "truncate" &&
      sendInjectedFault(req, res, fault, symbol, faults)
    )
      return;
    let candles: unknown;
    try {
      candles = await source.getCandles(symbol, { limit });
    } catch (e) {
      if (isMarketDataError(e)) sendError(res, SOURCE_STATUS[e.code] ?? 502, e.code, e.message);
      else sendError(res, 500, "INTERNAL_ERROR", "Source failed");
      return;
    }
    const text = JSON.stringify(shape === "array" ? candles : { symbol, candles });
    sendBody(req, res, text, fault === "truncate");
  };

  const server = createServer((req, res) => {
    stats.requests++;
    stats.inFlight++;
    stats.peakInFlight = Math.max(stats.peakInFlight, stats.inFlight);
    const counted = stats;
    res.once("close", () => {
      counted.inFlight--;
      if (counted !== stats) stats.inFlight = Math.max(0, stats.inFlight - 1);
    });
    const url = new URL(req.url ?? "/", "http://upstream.local");
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendError(res, 405, "METHOD_NOT_ALLOWED", "Only GET is supported", { allow: "GET, HEAD" });
    } else if (url.pathname === "/health") {
      sendJson(res, 200, { status: "ok" });
    } else if (url.pathname === "/candles") {
      handleCandles(req, res, url.searchParams).catch(() => {
        if (!res.headersSent) sendError(res, 500, "INTERNAL_ERROR", "Unexpected failure");
        else res.destroy();
      });
    } else {
      sendError(res, 404, "NOT_FOUND", `No route ${url.pathname}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    setFaults(next) {
      faults = validateFaults(next);
      failNextLeft = faults.failNext ?? 0;
    },
    get stats() {
      return stats;
    },
    resetStats() {
      // Requests still being answered stay counted, so the gauge never goes negative.
      stats = { ...emptyStats(), inFlight: stats.inFlight, peakInFlight: stats.inFlight };
    },
    close() {
      if (closed === undefined) {
        closing = true;
        for (const release of [...pending]) release();
        closed = new Promise<void>((resolve, reject) => {
          server.close((err) => (err ? reject(err) : resolve()));
          server.closeAllConnections();
        });
      }
      return closed;
    },
  };
}
