/** One symbol's validated inputs and feature columns, as `buildDataset` writes them into rows. */
export interface SymbolSource {
  readonly id: number;
  readonly closes: Float64Array;
  readonly timestamps: Float64Array;
  /** Feature columns in dataset column order; entry `t - offset` belongs to candle `t`. */
  readonly columns: readonly Float64Array[];
  readonly offset: number;
}

/** The dataset arrays being filled. */
export interface RowSink {
  readonly cols: number;
  readonly X: Float64Array;
  readonly y: Float64Array;
  readonly timestamps: Float64Array;
  readonly symbolIds: Uint32Array;
}

/**
 * Writes candles `[t0, t0 + count)` of one symbol as dataset rows `row0, row0 + step, …`:
 * features straight from the columns into row-major X, the next-step return label, the
 * timestamp and the symbol id. `step` is 1 for a contiguous block, the symbol count when
 * time-aligned symbols interleave.
 */
export function writeRows(
  sink: RowSink,
  src: SymbolSource,
  t0: number,
  count: number,
  row0: number,
  step: number,
): void {
  const { cols, X, y, timestamps, symbolIds } = sink;
  const { id, closes, columns, offset } = src;
  const ts = src.timestamps;
  const f0 = t0 - offset;
  if (cols === 4) {
    // The default feature set: four reads and four writes per row, no inner loop.
    const c0 = columns[0]!;
    const c1 = columns[1]!;
    const c2 = columns[2]!;
    const c3 = columns[3]!;
    for (let i = 0, o = row0 * 4; i < count; i++, o += step * 4) {
      const f = f0 + i;
      X[o] = c0[f]!;
      X[o + 1] = c1[f]!;
      X[o + 2] = c2[f]!;
      X[o + 3] = c3[f]!;
    }
  } else {
    for (let j = 0; j < cols; j++) {
      const c = columns[j]!;
      for (let i = 0, o = row0 * cols + j; i < count; i++, o += step * cols) X[o] = c[f0 + i]!;
    }
  }
  // Plain loops rather than set/fill over subarrays: a merge writes many one-row blocks, and a
  // subarray per block would be an allocation per row.
  for (let i = 0, r = row0, t = t0; i < count; i++, r += step, t++) {
    y[r] = closes[t + 1]! / closes[t]! - 1;
    timestamps[r] = ts[t]!;
  }
  if (id !== 0) for (let i = 0, r = row0; i < count; i++, r += step) symbolIds[r] = id;
}

/** {@link writeRows} for a single row: the common block of a merge of interleaved symbols. */
export function writeRow(sink: RowSink, src: SymbolSource, t: number, row: number): void {
  const cols = sink.cols;
  const X = sink.X;
  const columns = src.columns;
  const closes = src.closes;
  const f = t - src.offset;
  for (let j = 0, o = row * cols; j < cols; j++, o++) X[o] = columns[j]![f]!;
  sink.y[row] = closes[t + 1]! / closes[t]! - 1;
  sink.timestamps[row] = src.timestamps[t]!;
  sink.symbolIds[row] = src.id;
}
