import { TrainerError } from "./errors";

/** A JSON object as read from an untrusted document. */
export type Obj = Record<string, unknown>;

/**
 * Throws `INVALID_MODEL` naming the field at fault and a short preview of what was found;
 * `document` names what is read (an imported file says "XGBoost model").
 */
export function fail(path: string, expected: string, got: unknown, document = "model.json"): never {
  const shown = got === undefined ? "nothing" : (JSON.stringify(got)?.slice(0, 60) ?? String(got));
  throw new TrainerError(
    "INVALID_MODEL",
    `${document} ${path}: expected ${expected}, got ${shown}`,
    {
      path,
    },
  );
}

export function object(v: unknown, path: string): Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "an object", v);
  return v as Obj;
}

export function finite(v: unknown, path: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "a finite number", v);
  return v;
}

export function integer(v: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  const n = finite(v, path);
  if (!Number.isInteger(n) || n < min || n > max) {
    fail(path, `an integer from ${min} to ${max}`, v);
  }
  return n;
}

export function array(v: unknown, path: string, what: string): unknown[] {
  if (!Array.isArray(v)) fail(path, what, v);
  return v;
}

/** An array of exactly `length` finite numbers (each > 0 when `positive`). */
export function numbers(v: unknown, path: string, length: number, positive = false): number[] {
  if (!Array.isArray(v)) fail(path, `an array of ${length} numbers`, v);
  if (v.length !== length) fail(path, `${length} numbers (one per feature column)`, v);
  return v.map((x, i) => {
    const n = finite(x, `${path}[${i}]`);
    if (positive && !(n > 0)) fail(`${path}[${i}]`, "a number > 0", x);
    return n;
  });
}
