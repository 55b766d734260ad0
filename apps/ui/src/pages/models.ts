import type { DataSource } from "../api";
import { h } from "../dom";
import { errorBox } from "./common";

/** Registered models: name, number of versions, latest version, aliases. */
export async function modelsPage(api: DataSource): Promise<HTMLElement> {
  const page = h("div", { "data-page": "models" }, h("h1", {}, "Models"));
  try {
    const models = await api.models();
    if (models.length === 0) {
      page.append(
        h("p", { class: "muted" }, "The registry has no models yet: train one with `mle train`."),
      );
      return page;
    }
    page.append(
      h(
        "table",
        { class: "grid", "data-table": "models" },
        h(
          "thead",
          {},
          h("tr", {}, ...["model", "versions", "latest", "aliases", ""].map((t) => h("th", {}, t))),
        ),
        h(
          "tbody",
          {},
          ...models.map((m) =>
            h(
              "tr",
              { "data-model": m.name },
              h("td", {}, h("a", { href: `#/m/${encodeURIComponent(m.name)}` }, m.name)),
              h("td", {}, m.version_count),
              h("td", {}, m.latest_version ?? "–"),
              h(
                "td",
                {},
                ...m.aliases.map((a) =>
                  h(
                    "span",
                    { class: a.version ? "alias" : "alias corrupt", title: a.problem ?? "" },
                    `${a.alias} → ${a.version ?? "unreadable"}`,
                  ),
                ),
              ),
              h(
                "td",
                {},
                h("a", { href: `#/m/${encodeURIComponent(m.name)}/history` }, "alias history"),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (e) {
    page.append(errorBox(e));
  }
  return page;
}
