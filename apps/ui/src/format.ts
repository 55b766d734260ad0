/** Formats a number for a table cell: 4 significant digits, `–` when absent or not finite. */
export function num(x: unknown, digits = 4): string {
  if (typeof x !== "number" || !Number.isFinite(x)) return "–";
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

/** A share (0..1) as a percentage with one decimal. */
export function pct(x: unknown): string {
  return typeof x === "number" && Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : "–";
}

/** An ISO instant as `YYYY-MM-DD HH:MM` UTC; the input when it does not parse. */
export function when(iso: unknown): string {
  if (typeof iso !== "string") return "–";
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t).toISOString().slice(0, 16).replace("T", " ");
}

/** Reads `obj.a.b.c` without throwing; undefined when any step is missing. */
export function pick(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
