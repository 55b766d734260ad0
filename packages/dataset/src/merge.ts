/** One symbol's sorted run of rows: local indices `[start, end)` into `timestamps`. */
export interface Run {
  readonly timestamps: Float64Array;
  readonly start: number;
  readonly end: number;
}

/** Consecutive output rows taken from one run: local indices `[start[b], start[b] + count[b])`. */
export interface MergedBlocks {
  readonly length: number;
  readonly run: Uint32Array;
  readonly start: Uint32Array;
  readonly count: Uint32Array;
}

/** True when run `a`'s head comes before run `b`'s: earlier timestamp, or same and lower index. */
function before(key: Float64Array, a: number, b: number): boolean {
  const ka = key[a]!;
  const kb = key[b]!;
  return ka < kb || (ka === kb && a < b);
}

function siftDown(heap: Uint32Array, key: Float64Array, size: number, i: number): void {
  const s = heap[i]!;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= size) break;
    const r = l + 1;
    const c = r < size && before(key, heap[r]!, heap[l]!) ? r : l;
    const hc = heap[c]!;
    if (!before(key, hc, s)) break;
    heap[i] = hc;
    i = c;
  }
  heap[i] = s;
}

/**
 * K-way merge of per-symbol runs (each strictly increasing in time) into one order by
 * (timestamp, run index), as blocks of consecutive rows of one run. A binary heap over the run
 * heads (typed arrays, no per-row allocation); the head run keeps emitting while it still
 * precedes the runner-up, so long stretches of one symbol cost O(1) heap work each, and the
 * whole merge is O(n log k) at worst.
 */
export function mergeBlocks(runs: readonly Run[]): MergedBlocks {
  const k = runs.length;
  let total = 0;
  for (const r of runs) total += r.end - r.start;
  // At most one block per row; typed arrays are cheap to over-allocate (untouched pages).
  const cap = total;
  const run = new Uint32Array(cap);
  const start = new Uint32Array(cap);
  const count = new Uint32Array(cap);
  const heads = new Float64Array(k);
  const ends = new Float64Array(k);
  const key = new Float64Array(k);
  const heap = new Uint32Array(k);
  const ts: Float64Array[] = [];
  let size = 0;
  for (let s = 0; s < k; s++) {
    const r = runs[s]!;
    ts.push(r.timestamps);
    heads[s] = r.start;
    ends[s] = r.end;
    if (r.end > r.start) {
      key[s] = r.timestamps[r.start]!;
      heap[size++] = s;
    }
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, key, size, i);

  let b = 0;
  while (size > 0) {
    const s = heap[0]!;
    const first = heads[s]!;
    const end = ends[s]!;
    let t = first + 1;
    if (size === 1) {
      t = end;
    } else {
      // Runner-up: the better child of the root.
      const c = size > 2 && before(key, heap[2]!, heap[1]!) ? heap[2]! : heap[1]!;
      const kc = key[c]!;
      const tsS = ts[s]!;
      if (s < c) while (t < end && tsS[t]! <= kc) t++;
      else while (t < end && tsS[t]! < kc) t++;
    }
    run[b] = s;
    start[b] = first;
    count[b] = t - first;
    b++;
    if (t >= end) {
      heap[0] = heap[--size]!;
    } else {
      heads[s] = t;
      key[s] = ts[s]![t]!;
    }
    if (size > 1) siftDown(heap, key, size, 0);
  }
  return { length: b, run, start, count };
}

/**
 * The same merge, expanded to one entry per output row: the run it comes from and its local
 * index.
 */
export function mergeRuns(runs: readonly Run[]): { run: Uint32Array; local: Uint32Array } {
  const blocks = mergeBlocks(runs);
  let total = 0;
  for (let b = 0; b < blocks.length; b++) total += blocks.count[b]!;
  const run = new Uint32Array(total);
  const local = new Uint32Array(total);
  let out = 0;
  for (let b = 0; b < blocks.length; b++) {
    const s = blocks.run[b]!;
    for (let t = blocks.start[b]!, end = t + blocks.count[b]!; t < end; t++, out++) {
      run[out] = s;
      local[out] = t;
    }
  }
  return { run, local };
}
