import { type DataSource, predictionsFor } from "../api";
import { h } from "../dom";
import { num, pick } from "../format";
import { plotPanel } from "../plots/plot-panel";
import type { Side } from "../plots/specs";
import { verdictOf } from "../verdict";
import { errorBox, modelPageFrame, section, statusBadge } from "./common";

const ROWS: ReadonlyArray<readonly [string, string[]]> = [
  ["val rmse", ["validation", "model", "rmse"]],
  ["val mae", ["validation", "model", "mae"]],
  ["val r²", ["validation", "model", "r2"]],
  ["val direction", ["validation", "model", "directional_accuracy"]],
  ["baseline 0 rmse", ["validation", "baseline_zero", "rmse"]],
  ["baseline mean rmse", ["validation", "baseline_mean", "rmse"]],
  ["cv mean rmse", ["cv", "mean", "rmse"]],
  ["cv std rmse", ["cv", "std", "rmse"]],
];

/** Two versions side by side: metrics and the same plots overlaid. */
export async function comparePage(
  api: DataSource,
  model: string,
  a: string,
  b: string,
): Promise<HTMLElement> {
  const m = encodeURIComponent(model);
  const page = modelPageFrame("compare", model, h("h1", {}, `Compare ${a} and ${b}`));
  let sides: Side[];
  let details: Awaited<ReturnType<DataSource["version"]>>[];
  try {
    details = await Promise.all([api.version(model, a), api.version(model, b)]);
    const preds = await Promise.all(details.map((d) => predictionsFor(api, model, d)));
    sides = details.map((d, i) => ({
      version: d.version,
      metrics: d.metrics,
      predictions: preds[i] ?? null,
    }));
  } catch (e) {
    page.append(errorBox(e));
    return page;
  }
  page.append(
    h(
      "table",
      { class: "grid", "data-table": "compare" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, ""),
          ...details.map((d) =>
            h(
              "th",
              {},
              h("a", { href: `#/m/${m}/v/${d.version}` }, d.version),
              " ",
              statusBadge(d.status, d.problem),
            ),
          ),
          h("th", {}, `${b} − ${a}`),
        ),
      ),
      h(
        "tbody",
        {},
        ...ROWS.map(([label, path]) => {
          const [x, y] = details.map((d) => pick(d.metrics, ...path));
          const diff = typeof x === "number" && typeof y === "number" ? y - x : null;
          return h(
            "tr",
            {},
            h("th", {}, label),
            h("td", {}, num(x, 5)),
            h("td", {}, num(y, 5)),
            h("td", {}, num(diff, 3)),
          );
        }),
        h(
          "tr",
          {},
          h("th", {}, "verdict"),
          ...details.map((d) => h("td", {}, verdictOf(d) ?? "–")),
          h("td", {}, ""),
        ),
      ),
    ),
  );
  page.append(section("Plots", plotPanel(sides)));
  return page;
}
