/**
 * Gradient histograms: per feature and bin, the sum of gradients and the row count, interleaved
 * (`[g, n]` pairs) in one Float64Array with a fixed stride of 256 bins per feature.
 */
export const BIN_STRIDE = 256;

/** Recycles histogram buffers: a tree needs one per open node, not one per node ever made. */
export class HistogramPool {
  private readonly free: Float64Array[] = [];
  constructor(private readonly size: number) {}

  take(): Float64Array {
    const h = this.free.pop();
    if (h) {
      h.fill(0);
      return h;
    }
    return new Float64Array(this.size);
  }

  give(h: Float64Array): void {
    this.free.push(h);
  }
}

/** Adds rows `rows[start..end)` into `hist` (zeroed). */
export function buildHistogram(
  hist: Float64Array,
  bins: Uint8Array,
  cols: number,
  grad: Float64Array,
  rows: Uint32Array,
  start: number,
  end: number,
): void {
  for (let p = start; p < end; p++) {
    const r = rows[p]!;
    const g = grad[r]!;
    const o = r * cols;
    for (let j = 0; j < cols; j++) {
      const idx = (j * BIN_STRIDE + bins[o + j]!) << 1;
      hist[idx]! += g;
      hist[idx + 1]! += 1;
    }
  }
}

/** `out = parent - child`, the sibling's histogram without a pass over its rows. */
export function subtractHistogram(out: Float64Array, parent: Float64Array, child: Float64Array) {
  for (let i = 0; i < out.length; i++) out[i] = parent[i]! - child[i]!;
}
