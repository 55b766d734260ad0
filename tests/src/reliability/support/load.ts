/**
 * Bounded concurrent request bursts: a fixed number of requests, all started at once, each with
 * its own hang guard, every answer recorded with its status, body and duration.
 * @module
 */

export const SYMBOLS = [
  "AAPL",
  "MSFT",
  "GOOG",
  "AMZN",
  "TSLA",
  "NVDA",
  "META",
  "IBM",
  "ORCL",
  "INTC",
] as const;

export interface Outcome {
  readonly path: string;
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly ms: number;
  /** performance.now() when the request was sent. */
  readonly startedAt: number;
}

/** A request that got no answer within `hangMs` fails the burst instead of hanging the suite. */
export async function timedGet(
  baseUrl: string,
  path: string,
  hangMs = 10_000,
  init: RequestInit = {},
): Promise<Outcome> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(hangMs) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    path,
    status: res.status,
    body,
    text,
    ms: performance.now() - started,
    startedAt: started,
  };
}

/** Sends every path at once and waits for all answers. */
export function burst(
  baseUrl: string,
  paths: readonly string[],
  hangMs?: number,
): Promise<Outcome[]> {
  return Promise.all(paths.map((p) => timedGet(baseUrl, p, hangMs)));
}

/**
 * Runs `total` requests from `paths(i)` with at most `concurrency` in flight.
 */
export async function pool(
  baseUrl: string,
  total: number,
  concurrency: number,
  paths: (i: number) => string,
  onEach?: (o: Outcome, i: number) => void,
): Promise<Outcome[]> {
  const results: Outcome[] = new Array(total);
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const o = await timedGet(baseUrl, paths(i));
      results[i] = o;
      onEach?.(o, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** The error envelope's code, or undefined. */
export function codeOf(o: Outcome): string | undefined {
  const e = (o.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return typeof e?.code === "string" && typeof e.message === "string" ? e.code : undefined;
}
