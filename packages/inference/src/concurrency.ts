/**
 * Maps `items` through `fn` with at most `limit` calls running at once, keeping input order.
 *
 * @example
 * ```ts
 * const lengths = await mapBounded(["a", "bb"], 2, async (s) => s.length); // [1, 2]
 * ```
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  const workers = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return results;
}

/**
 * At most `limit` tasks run at once; the others wait in arrival order. Cold upstream fetches of
 * the predictor go through one, so a batch of new symbols or a stream of distinct unknown ones
 * cannot open more than `limit` upstream requests per process.
 *
 * @example
 * ```ts
 * const gate = new Gate(16);
 * await gate.run(() => source.getCandles("AAPL", { limit: 21 }));
 * ```
 */
export class Gate {
  readonly #limit: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];
  /** Highest number of tasks that ran at once (for tests and metrics). */
  peak = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.#limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#running++;
    this.peak = Math.max(this.peak, this.#running);
    try {
      return await task();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
}
