import type { DataSource } from "../api";
import { h } from "../dom";
import { num, pick } from "../format";
import { chart } from "../plots/chart";
import {
  compareCoverage,
  compareFolds,
  compareResiduals,
  compareReturns,
  compareScatter,
  compareTimeSeries,
  type Side,
} from "../plots/compare-plots";
import { verdictOf } from "../verdict";
import { errorBox, section, statusBadge } from "./common";

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
  const page = h(
    "div",
    { "data-page": "compare" },
    h("p", {}, h("a", { href: `#/m/${m}` }, `← ${model} versions`)),
    h("h1", {}, `Compare ${a} and ${b}`),
  );
  let sides: Side[];
  let details: Awaited<ReturnType<DataSource["version"]>>[];
  try {
    details = await Promise.all([api.version(model, a), api.version(model, b)]);
    const preds = await Promise.all(
      details.map((d) => (d.status === "ok" ? api.predictions(model, d.version) : null)),
    );
    sides = details.map((d, i) => ({
      version: d.version,
      metrics: d.metrics,
      predictions: preds[i] ?? null,
    }));
  } catch (e) {
    page.append(errorBox(e));
    return page;
  }
  const [sa, sb] = sides as [Side, Side];
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
  const symbols = [
    ...new Set([...(sa.predictions?.symbols ?? []), ...(sb.predictions?.symbols ?? [])]),
  ];
  const plots = h("div", { class: "plots" });
  const perSymbol = h("div", { class: "per-symbol" });
  const draw = (s: string) =>
    perSymbol.replaceChildren(
      chart(compareTimeSeries(sa, sb, s)),
      chart(compareReturns(sa, sb, s)),
    );
  if (symbols.length > 0) {
    draw(symbols[0]!);
    plots.append(
      h(
        "p",
        {},
        h(
          "label",
          {},
          "symbol ",
          h(
            "select",
            {
              "aria-label": "symbol",
              onchange: (e: Event) => draw((e.target as HTMLSelectElement).value),
            },
            ...symbols.map((s) => h("option", { value: s }, s)),
          ),
        ),
      ),
      perSymbol,
      chart(compareScatter(sa, sb)),
      chart(compareResiduals(sa, sb)),
    );
  }
  plots.append(chart(compareFolds(sa, sb)));
  if (symbols.length > 0) plots.append(chart(compareCoverage(sa, sb)));
  page.append(section("Plots", plots));
  return page;
}
