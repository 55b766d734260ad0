/** `alpha 1` / `n_trees 100, max_depth 6, ...`: hyperparameters on one line (no `type`). */
export function formatParams(params: Readonly<Record<string, unknown>>): string {
  return Object.entries(params)
    .filter(([key]) => key !== "type")
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(", ");
}
