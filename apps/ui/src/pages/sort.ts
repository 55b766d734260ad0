export type SortValue = string | number | null;
export interface SortState {
  key: string;
  dir: 1 | -1;
}

/** Compares two cell values: numbers numerically, strings naturally (v10 after v9), nulls last. */
export function compareValues(a: SortValue, b: SortValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true });
}

/** Rows sorted by `state` (stable); nulls stay last in both directions. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T, key: string) => SortValue,
  state: SortState,
): T[] {
  return rows
    .map((row, i) => ({ row, i, v: value(row, state.key) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) return compareValues(x.v, y.v) || x.i - y.i;
      return state.dir * compareValues(x.v, y.v) || x.i - y.i;
    })
    .map((x) => x.row);
}
