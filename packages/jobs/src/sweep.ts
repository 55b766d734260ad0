import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json";
import { JobsError } from "./errors";

/** A grid: dotted config paths (`model.alpha`, `lookback`) to the values each one takes. */
export type SweepGrid = Readonly<Record<string, readonly unknown[]>>;

export interface SweepPoint {
  readonly index: number;
  /** The values this point sets, by dotted path, in the grid's key order. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The base config with this point's values set. */
  readonly config: Record<string, unknown>;
}

/** Upper bound on the points of one sweep, so a typo in a grid cannot enqueue millions of jobs. */
export const MAX_SWEEP_POINTS = 10_000;

const PATH_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * The cartesian product of a grid over a base config, in a fixed order: the first key varies
 * slowest, values in the order written. Same grid and base, same points, same order.
 *
 * @example
 * expandSweep({ lookback: 20 }, { "model.alpha": [0.1, 1], lookback: [10, 20] }).length; // 4
 */
export function expandSweep(
  base: Readonly<Record<string, unknown>>,
  grid: SweepGrid,
): SweepPoint[] {
  const keys = Object.keys(grid);
  if (keys.length === 0) throw new JobsError("INVALID_SWEEP", "the sweep's grid is empty");
  let total = 1;
  for (const key of keys) {
    if (!PATH_PATTERN.test(key) || key.split(".").some((s) => FORBIDDEN_SEGMENTS.has(s))) {
      throw new JobsError("INVALID_SWEEP", `grid key "${key}" is not a dotted config path`);
    }
    const values = grid[key];
    if (!Array.isArray(values) || values.length === 0) {
      throw new JobsError("INVALID_SWEEP", `grid key "${key}" must list at least one value`);
    }
    total *= values.length;
    if (total > MAX_SWEEP_POINTS) {
      throw new JobsError(
        "INVALID_SWEEP",
        `the grid has more than ${MAX_SWEEP_POINTS} points; split it into several sweeps`,
      );
    }
  }
  const points: SweepPoint[] = [];
  for (let index = 0; index < total; index++) {
    const params: Record<string, unknown> = {};
    const config = structuredClone(base) as Record<string, unknown>;
    let rest = index;
    // Mixed-radix digits, last key fastest.
    const picks = new Array<number>(keys.length);
    for (let k = keys.length - 1; k >= 0; k--) {
      const n = (grid[keys[k] as string] as readonly unknown[]).length;
      picks[k] = rest % n;
      rest = Math.floor(rest / n);
    }
    keys.forEach((key, k) => {
      const value = (grid[key] as readonly unknown[])[picks[k] as number];
      params[key] = value;
      setPath(config, key, structuredClone(value));
    });
    points.push({ index, params, config });
  }
  return points;
}

/** The id of a sweep: `sweep-` and 16 hex digits of the digest of its points' job ids. */
export function sweepIdOf(jobIds: readonly string[]): string {
  return `sweep-${createHash("sha256").update(canonicalJson(jobIds)).digest("hex").slice(0, 16)}`;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split(".");
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = node[segment];
    if (next === null || typeof next !== "object" || Array.isArray(next)) {
      const fresh: Record<string, unknown> = {};
      node[segment] = fresh;
      node = fresh;
    } else {
      node = next as Record<string, unknown>;
    }
  }
  node[segments[segments.length - 1] as string] = value;
}
