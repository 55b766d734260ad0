import { createHash } from "node:crypto";
import type { Dataset } from "./types";

function bytes(a: Float64Array | Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/**
 * SHA-256 (hex) of a dataset's content: a JSON header (rows, cols, feature columns, symbols)
 * followed by the raw bytes of X, y, timestamps and symbol ids. Bit-identical datasets give the
 * same hash; any changed value, row order or name changes it. Byte order is the platform's
 * (little-endian on every platform Node supports in practice).
 *
 * @example
 * ```ts
 * datasetHash(ds); // "3b1f…" (64 hex chars)
 * ```
 */
export function datasetHash(
  ds: Pick<
    Dataset,
    "rows" | "cols" | "featureColumns" | "symbols" | "X" | "y" | "timestamps" | "symbolIds"
  >,
): string {
  const hash = createHash("sha256");
  const header = JSON.stringify({
    rows: ds.rows,
    cols: ds.cols,
    featureColumns: ds.featureColumns,
    symbols: ds.symbols,
  });
  hash.update(header);
  hash.update(bytes(ds.X));
  hash.update(bytes(ds.y));
  hash.update(bytes(ds.timestamps));
  hash.update(bytes(ds.symbolIds));
  return hash.digest("hex");
}
