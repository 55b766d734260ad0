import { BodyTooLarge, readBoundedText } from "./bounded-body";
import type { Candle } from "./candle";
import {
  type MarketDataError,
  SymbolNotFoundError,
  UpstreamBadResponseError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from "./errors";
import { normalizeCandles } from "./normalize";
import { isRedirect, type RedirectPolicy, redirectTarget } from "./redirects";
import { parseRetryAfter } from "./retry-policy";
import type { UpstreamUrl } from "./upstream-url";

/** Why one attempt failed, and whether trying again may help. */
export class AttemptFailure {
  constructor(
    /** Builds the error to throw if this is the last attempt. */
    readonly toError: (attempts: number) => MarketDataError,
    readonly retryable: boolean,
    /** `timeout`, `network` or `status <code>`: used in events. */
    readonly reason: string,
    readonly retryAfterMs: number | undefined = undefined,
  ) {}
}

export interface AttemptContext {
  readonly url: UpstreamUrl;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly followRedirects: RedirectPolicy;
  /** Latest acceptable candle time is `now() + futureToleranceMs`. */
  readonly futureToleranceMs: number;
  readonly now: () => number;
  readonly onStatus: (status: number) => void;
}

/** Names a network failure without echoing anything that could hold the URL. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === "string") return cause.code;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "network error";
}

/**
 * One GET of `{base}/candles?symbol=…&limit=…` with plain `fetch`, bounded by `timeoutMs` from the
 * request until the whole body is read (redirect hops included) and by `maxResponseBytes`. Rejects
 * with the caller's `signal.reason` when that aborts, otherwise with an {@link AttemptFailure}.
 */
export async function fetchCandlesOnce(
  ctx: AttemptContext,
  symbol: string,
  limit: number,
  signal: AbortSignal | undefined,
): Promise<Candle[]> {
  const controller = new AbortController();
  const timeout = new DOMException(`attempt exceeded ${ctx.timeoutMs} ms`, "TimeoutError");
  const timer = setTimeout(() => controller.abort(timeout), ctx.timeoutMs);
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  const where = ctx.url.display;

  const failed = (error: unknown): never => {
    if (signal?.aborted) throw signal.reason;
    if (controller.signal.reason === timeout) {
      throw new AttemptFailure(
        (attempts) =>
          new UpstreamTimeoutError(
            `Upstream ${where} did not answer within ${ctx.timeoutMs} ms (${attempts} attempt${attempts === 1 ? "" : "s"})`,
            { timeoutMs: ctx.timeoutMs, attempts },
            { cause: error },
          ),
        true,
        "timeout",
      );
    }
    const reason = networkReason(error);
    throw new AttemptFailure(
      (attempts) =>
        new UpstreamUnavailableError(
          `Upstream ${where} is unreachable (${reason}, ${attempts} attempt${attempts === 1 ? "" : "s"})`,
          { attempts },
          { cause: error },
        ),
      true,
      "network",
    );
  };

  try {
    let url = new URL(ctx.url.candlesUrl);
    url.searchParams.set("symbol", symbol);
    url.searchParams.set("limit", String(limit));
    let response: Response;
    for (let hops = 0; ; hops++) {
      try {
        // The signal goes straight into fetch's init (never through a Request object, whose
        // signal undici follows weakly): see why-fetch.test.ts.
        response = await fetch(url, {
          headers: ctx.headers,
          redirect: "manual",
          signal: controller.signal,
        });
      } catch (e) {
        return failed(e);
      }
      if (!isRedirect(response.status)) break;
      await response.body?.cancel().catch(() => undefined);
      const next = redirectTarget(ctx.followRedirects, response.headers.get("location"), url, hops);
      if ("refused" in next) throw redirectFailure(response.status, where, next.refused);
      url = next.url;
    }
    ctx.onStatus(response.status);
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw statusFailure(response, symbol, where, ctx.now());
    }
    let text: string;
    try {
      text = await readBoundedText(response, ctx.maxResponseBytes, controller.signal);
    } catch (e) {
      if (e instanceof BodyTooLarge) throw tooLargeFailure(e, where);
      return failed(e);
    }
    return parseBody(text, symbol, where, ctx.now() + ctx.futureToleranceMs);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

function redirectFailure(status: number, where: string, refused: string): AttemptFailure {
  return new AttemptFailure(
    () =>
      new UpstreamBadResponseError(
        `Upstream ${where} answered a redirect (${status}): ${refused}`,
        {
          status,
        },
      ),
    false,
    `status ${status}`,
  );
}

function tooLargeFailure(e: BodyTooLarge, where: string): AttemptFailure {
  return new AttemptFailure(
    () => new UpstreamBadResponseError(`Upstream ${where} ${e.describe()}`),
    false,
    "too large",
  );
}

function statusFailure(
  response: Response,
  symbol: string,
  where: string,
  nowMs: number,
): AttemptFailure {
  const { status } = response;
  if (status === 404) {
    return new AttemptFailure(
      () =>
        new SymbolNotFoundError(symbol, `Upstream ${where} does not know symbol "${symbol}" (404)`),
      false,
      "status 404",
    );
  }
  if (status === 429 || status >= 500) {
    return new AttemptFailure(
      (attempts) =>
        new UpstreamUnavailableError(
          `Upstream ${where} answered ${status} (${attempts} attempt${attempts === 1 ? "" : "s"})`,
          {
            status,
            attempts,
          },
        ),
      true,
      `status ${status}`,
      parseRetryAfter(response.headers.get("retry-after"), nowMs),
    );
  }
  return new AttemptFailure(
    () => new UpstreamBadResponseError(`Upstream ${where} answered ${status}`, { status }),
    false,
    `status ${status}`,
  );
}

function parseBody(text: string, symbol: string, where: string, notAfterMs: number): Candle[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AttemptFailure(
      () =>
        new UpstreamBadResponseError(
          `Upstream ${where} answered a body that is not JSON`,
          {},
          { cause: e },
        ),
      false,
      "malformed",
    );
  }
  const echoed = (json as { symbol?: unknown } | null)?.symbol;
  if (!Array.isArray(json) && typeof echoed === "string" && echoed.toUpperCase() !== symbol) {
    const shown = JSON.stringify(echoed.slice(0, 40));
    throw new AttemptFailure(
      () =>
        new UpstreamBadResponseError(
          `Upstream ${where} answered candles for ${shown} instead of "${symbol}"`,
        ),
      false,
      "schema",
    );
  }
  try {
    return normalizeCandles(json, { notAfterMs });
  } catch (e) {
    if (!(e instanceof UpstreamBadResponseError)) throw e;
    const { index, field } = e;
    throw new AttemptFailure(
      () =>
        new UpstreamBadResponseError(
          `Upstream ${where}: ${e.message}`,
          { index, field },
          { cause: e },
        ),
      false,
      "schema",
    );
  }
}
