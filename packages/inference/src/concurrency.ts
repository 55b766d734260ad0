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
