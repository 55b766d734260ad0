/**
 * Single-flight: concurrent calls with the same key share one execution of `run`.
 * The entry is removed as soon as the shared promise settles, so a later call runs again.
 *
 * @example
 * ```ts
 * const flight = new SingleFlight<string, Candle[]>();
 * const [a, b] = await Promise.all([flight.do("AAPL", fetchIt), flight.do("AAPL", fetchIt)]); // one fetch
 * ```
 */
export class SingleFlight<K, V> {
  readonly #inFlight = new Map<K, Promise<V>>();

  /** Number of keys currently running. */
  get size(): number {
    return this.#inFlight.size;
  }

  do(key: K, run: () => Promise<V>): Promise<V> {
    const existing = this.#inFlight.get(key);
    if (existing) return existing;
    const promise = (async () => {
      try {
        return await run();
      } finally {
        this.#inFlight.delete(key);
      }
    })();
    this.#inFlight.set(key, promise);
    return promise;
  }
}

/**
 * Resolves like `promise`, but rejects with the signal's reason as soon as `signal` aborts.
 * The underlying work (possibly shared with other callers) is not cancelled.
 */
export function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
