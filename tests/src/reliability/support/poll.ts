/**
 * Polls `probe` until `done(result)` or `tries` run out (bounded in count and time), returning the
 * last result so the caller's assertion shows what was seen.
 */
export async function pollUntil<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: { tries?: number; intervalMs?: number } = {},
): Promise<T> {
  const tries = options.tries ?? 50;
  let last = await probe();
  for (let i = 1; i < tries && !done(last); i++) {
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 100));
    last = await probe();
  }
  return last;
}
