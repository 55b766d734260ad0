/** One symbol's sorted run of rows: local indices `[start, end)` into `timestamps`. */
export interface Run {
  readonly timestamps: Float64Array;
  readonly start: number;
  readonly end: number;
}

/**
 * K-way merge of per-symbol runs (each strictly increasing in time) into one order by
 * (timestamp, run index). Returns, for each output row, the run it comes from and its local
 * index. A binary heap over the run heads: O(n log k), no per-row allocation.
 */
export function mergeRuns(runs: readonly Run[]): { run: Uint32Array; local: Uint32Array } {
  let total = 0;
  for (const r of runs) total += r.end - r.start;
  const run = new Uint32Array(total);
  const local = new Uint32Array(total);
  const heads = new Uint32Array(runs.length);
  const heap: number[] = [];
  const key = (s: number) => runs[s]!.timestamps[heads[s]!]!;
  const less = (a: number, b: number) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb || (ka === kb && a < b);
  };
  const siftDown = (i: number) => {
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, heap[i]!)) return;
      [heap[c], heap[i]] = [heap[i]!, heap[c]!];
      i = c;
    }
  };
  runs.forEach((r, s) => {
    heads[s] = r.start;
    if (r.end > r.start) heap.push(s);
  });
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);

  let out = 0;
  while (heap.length > 0) {
    const s = heap[0]!;
    if (heap.length === 1) {
      // One run left (always the case for a single symbol): copy it straight through.
      for (let t = heads[s]!, end = runs[s]!.end; t < end; t++, out++) {
        run[out] = s;
        local[out] = t;
      }
      break;
    }
    run[out] = s;
    local[out] = heads[s]!;
    out++;
    heads[s]! += 1;
    if (heads[s]! >= runs[s]!.end) {
      heap[0] = heap[heap.length - 1]!;
      heap.pop();
    }
    siftDown(0);
  }
  return { run, local };
}
