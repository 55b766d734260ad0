import { isApiFailure } from "../api";
import { type Child, h } from "../dom";
import { num } from "../format";

/** A failed call as the page shows it: the API's code and message, never a stack. */
export function errorBox(e: unknown): HTMLElement {
  if (isApiFailure(e)) {
    return h(
      "div",
      { class: "error", role: "alert", "data-code": e.code },
      h("strong", {}, e.code),
      `: ${e.message} (HTTP ${e.status})`,
    );
  }
  return h("div", { class: "error", role: "alert" }, e instanceof Error ? e.message : String(e));
}

/**
 * The frame of a page inside one model: `data-page` for the tests, a link back to the model's
 * versions, then `children`.
 */
export function modelPageFrame(page: string, model: string, ...children: Child[]): HTMLElement {
  const back = h("a", { href: `#/m/${encodeURIComponent(model)}` }, `← ${model} versions`);
  return h("div", { "data-page": page }, h("p", {}, back), ...children);
}

/** A two-column key/value table; nested objects and arrays are shown as compact JSON. */
export function kvTable(rows: ReadonlyArray<readonly [string, unknown]>, cls = "kv"): HTMLElement {
  return h(
    "table",
    { class: cls },
    h("tbody", {}, ...rows.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, show(v))))),
  );
}

export function show(v: unknown): Child {
  if (v === null || v === undefined) return "–";
  if (typeof v === "number") return num(v, 6);
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x !== "object")) return v.join(", ");
  return h("code", {}, JSON.stringify(v));
}

export function statusBadge(status: string, problem?: string): HTMLElement {
  return h("span", { class: `badge ${status}`, title: problem ?? "" }, status);
}

export function aliasBadges(aliases: readonly string[] | undefined): HTMLElement {
  return h(
    "span",
    { class: "aliases" },
    ...(aliases ?? []).map((a) => h("span", { class: "alias" }, a)),
  );
}

export function section(title: string, ...children: Child[]): HTMLElement {
  return h("section", {}, h("h2", {}, title), ...children);
}

/** Model vs baseline metrics on validation (from metrics.json), one row per metric. */
export function metricsTable(metrics: unknown): HTMLElement {
  const v = (metrics as { validation?: Record<string, Record<string, unknown>> } | null)
    ?.validation;
  if (!v) return h("p", { class: "muted" }, "No validation metrics.");
  const sets = ["model", "baseline_zero", "baseline_mean"] as const;
  const keys = ["rmse", "mae", "r2", "directional_accuracy", "n"];
  return h(
    "table",
    { class: "grid", "data-table": "metrics" },
    h(
      "thead",
      {},
      h("tr", {}, h("th", {}, "validation"), ...sets.map((s) => h("th", {}, s.replace("_", ": ")))),
    ),
    h(
      "tbody",
      {},
      ...keys.map((k) =>
        h("tr", {}, h("th", {}, k), ...sets.map((s) => h("td", {}, num(v[s]?.[k], 5)))),
      ),
    ),
  );
}
