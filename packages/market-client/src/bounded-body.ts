/** Default largest upstream body: 4 MiB, about 26 000 candles at the ~160 bytes a JSON candle takes. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** Why a body was refused for its size; the caller names the upstream. */
export class BodyTooLarge {
  constructor(
    /** The size the upstream announced (`Content-Length`), when that is what was refused. */
    readonly declared: number | undefined,
    readonly maxBytes: number,
  ) {}

  describe(): string {
    return this.declared === undefined
      ? `sent more than the ${this.maxBytes} bytes allowed (MARKET_DATA_MAX_RESPONSE_BYTES)`
      : `announced ${this.declared} bytes, more than the ${this.maxBytes} allowed (MARKET_DATA_MAX_RESPONSE_BYTES)`;
  }
}

/** Resolves never; rejects with the signal's reason once it aborts. */
function aborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => undefined);
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}

/**
 * Reads a response body as UTF-8 text, at most `maxBytes` of it, and never past `signal`.
 *
 * A `Content-Length` over the limit is refused before reading; a body that grows past it is cut.
 * Each read is raced against the signal and the stream is cancelled on every way out, so the
 * transfer stops and the socket is released even when the abort does not reach the fetch itself.
 *
 * @throws BodyTooLarge, or the signal's reason, or the stream's error.
 */
export async function readBoundedText(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<string> {
  const header = response.headers.get("content-length");
  const declared = header !== null && /^\d+$/.test(header.trim()) ? Number(header) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(declared, maxBytes);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const stop = aborted(signal);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), stop.promise]);
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) throw new BodyTooLarge(undefined, maxBytes);
      chunks.push(next.value);
    }
    done = true;
  } finally {
    stop.dispose();
    // Cancelling (not just dropping) the reader is what tells undici to close the connection.
    if (!done) reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
