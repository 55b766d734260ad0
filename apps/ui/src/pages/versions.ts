import type { DataSource } from "../api";
import { h, replace } from "../dom";
import { num, pct, pick, when } from "../format";
import type { VersionDetails, VersionEntry } from "../types";
import { skillVsZero, verdictOf } from "../verdict";
import { aliasForm } from "./alias-form";
import { aliasBadges, errorBox, statusBadge } from "./common";
import { type SortState, type SortValue, sortRows } from "./sort";

/** Details are fetched for at most this many versions (baselines and verdicts are not in the list). */
const DETAIL_LIMIT = 100;

interface Row {
  readonly entry: VersionEntry;
  details?: VersionDetails;
}

const COLUMNS: ReadonlyArray<{
  key: string;
  title: string;
  value: (r: Row) => SortValue;
  /** How the value is shown (default: as text); `cell` instead when the cell is not the value. */
  show?: (v: SortValue) => string;
  cell?: (r: Row) => Node | string;
}> = [
  { key: "version", title: "version", value: (r) => Number(r.entry.version.slice(1)) },
  {
    key: "created",
    title: "created (UTC)",
    value: (r) => r.entry.created_at,
    show: when,
  },
  {
    key: "kind",
    title: "kind",
    value: (r) =>
      r.entry.kind ??
      r.details?.kind ??
      (pick(r.details, "metadata", "model_type") as string | undefined) ??
      null,
  },
  {
    key: "status",
    title: "status",
    value: (r) => r.entry.status,
    cell: (r) => statusBadge(r.entry.status, r.entry.problem),
  },
  {
    key: "aliases",
    title: "aliases",
    value: (r) => (r.entry.aliases ?? []).join(","),
    cell: (r) => aliasBadges(r.entry.aliases),
  },
  {
    key: "rmse",
    title: "val rmse",
    value: (r) => r.entry.metrics?.rmse ?? null,
    show: num,
  },
  {
    key: "zero",
    title: "baseline 0 rmse",
    value: (r) => metric(r, "baseline_zero", "rmse"),
    show: num,
  },
  {
    key: "mean",
    title: "baseline mean rmse",
    value: (r) => metric(r, "baseline_mean", "rmse"),
    show: num,
  },
  {
    key: "skill",
    title: "skill vs 0",
    value: (r) => skillVsZero(r.details?.metrics),
    show: pct,
  },
  {
    key: "r2",
    title: "val r²",
    value: (r) => r.entry.metrics?.r2 ?? null,
    show: num,
  },
  {
    key: "da",
    title: "direction",
    value: (r) => r.entry.metrics?.directional_accuracy ?? null,
    show: pct,
  },
  {
    key: "verdict",
    title: "verdict",
    value: (r) => verdictOf(r.details),
  },
];

function metric(r: Row, set: string, key: string): number | null {
  const v = pick(r.details?.metrics, "validation", set, key);
  return typeof v === "number" ? v : null;
}

/** A model's versions: sortable table, pick two to compare, move an alias. */
export async function versionsPage(
  api: DataSource,
  model: string,
  go: (hash: string) => void,
): Promise<HTMLElement> {
  const m = encodeURIComponent(model);
  const page = h("div", { "data-page": "versions" }, h("h1", {}, `Model ${model}: versions`));
  let list: Awaited<ReturnType<DataSource["versions"]>>;
  try {
    list = await api.versions(model);
  } catch (e) {
    page.append(errorBox(e));
    return page;
  }
  const rows: Row[] = list.models.map((entry) => ({ entry }));
  await Promise.all(
    rows.slice(0, DETAIL_LIMIT).map(async (r) => {
      if (r.entry.status !== "ok") return;
      try {
        r.details = await api.version(model, r.entry.version);
      } catch {
        // The list already shows the version; its detail columns stay empty.
      }
    }),
  );
  const sort: SortState = { key: "version", dir: -1 };
  const selected = new Set<string>();
  const table = h("table", { class: "grid sortable", "data-table": "versions" });
  const compare = h(
    "button",
    {
      type: "button",
      disabled: true,
      "data-action": "compare",
      onclick: () => {
        const [a, b] = [...selected].sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
        go(`#/m/${m}/compare/${a}/${b}`);
      },
    },
    "Compare the two selected",
  );
  const render = () => {
    const head = h(
      "tr",
      {},
      h("th", {}, ""),
      ...COLUMNS.map((c) =>
        h(
          "th",
          {
            "data-sort": c.key,
            "aria-sort":
              sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none",
            onclick: () => {
              sort.dir = sort.key === c.key ? (sort.dir === 1 ? -1 : 1) : 1;
              sort.key = c.key;
              render();
            },
          },
          c.title,
        ),
      ),
    );
    const body = sortRows(rows, (r, key) => COLUMNS.find((c) => c.key === key)!.value(r), sort).map(
      (r) => {
        const v = r.entry.version;
        const pickBox = h("input", {
          type: "checkbox",
          "aria-label": `select ${v}`,
          checked: selected.has(v),
          disabled: r.entry.status !== "ok",
          onchange: (e: Event) => {
            if ((e.target as HTMLInputElement).checked) selected.add(v);
            else selected.delete(v);
            compare.disabled = selected.size !== 2;
          },
        });
        return h(
          "tr",
          { "data-version": v, "data-status": r.entry.status, class: r.entry.status },
          h("td", {}, pickBox),
          ...COLUMNS.map((c) =>
            h(
              "td",
              { "data-col": c.key },
              c.key === "version"
                ? h("a", { href: `#/m/${m}/v/${v}` }, v)
                : c.cell
                  ? c.cell(r)
                  : c.show
                    ? c.show(c.value(r))
                    : String(c.value(r) ?? "–"),
            ),
          ),
        );
      },
    );
    replace(table, h("thead", {}, head), h("tbody", {}, ...body));
  };
  render();
  const okVersions = rows.filter((r) => r.entry.status === "ok").map((r) => r.entry.version);
  const corrupt = rows.filter((r) => r.entry.status === "corrupt");
  page.append(
    h(
      "p",
      {},
      h("a", { href: `#/m/${m}/history` }, "Alias history"),
      list.active_version ? ` · active: ${list.active_version}` : "",
    ),
    table,
    h("p", {}, compare),
    ...(corrupt.length > 0
      ? [
          h(
            "p",
            { class: "muted" },
            `Corrupt versions (${corrupt.map((r) => r.entry.version).join(", ")}) cannot be compared or aliased.`,
          ),
        ]
      : []),
    h("h2", {}, "Move an alias"),
    aliasForm(api, model, okVersions, () => go(`#/m/${m}/history`)),
  );
  return page;
}
