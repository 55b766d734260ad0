import type { DataSource } from "../api";
import { h } from "../dom";
import { when } from "../format";
import { aliasForm } from "./alias-form";
import { errorBox, modelPageFrame } from "./common";

/** Every alias move of a model, oldest first, with a form to move or roll back an alias. */
export async function historyPage(
  api: DataSource,
  model: string,
  go: (hash: string) => void,
): Promise<HTMLElement> {
  const m = encodeURIComponent(model);
  const page = modelPageFrame("history", model, h("h1", {}, `Model ${model}: alias history`));
  const [history, versions] = await Promise.allSettled([api.history(model), api.versions(model)]);
  if (history.status === "rejected") page.append(errorBox(history.reason));
  else if (history.value.length === 0)
    page.append(h("p", { class: "muted" }, "No alias has been set yet."));
  else {
    page.append(
      h(
        "table",
        { class: "grid", "data-table": "history" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            ...["#", "alias", "from", "to", "at (UTC)", "who", "reason"].map((t) => h("th", {}, t)),
          ),
        ),
        h(
          "tbody",
          {},
          ...history.value.map((e) =>
            h(
              "tr",
              { "data-seq": e.seq, "data-alias": e.alias, "data-to": e.to },
              h("td", {}, e.seq),
              h("td", {}, e.alias),
              h("td", {}, e.from ?? "–"),
              h("td", {}, e.to),
              h("td", {}, when(e.at)),
              h("td", {}, e.who),
              h("td", {}, e.reason ?? "–"),
            ),
          ),
        ),
      ),
    );
  }
  if (versions.status === "fulfilled") {
    const ok = versions.value.models.filter((v) => v.status === "ok").map((v) => v.version);
    const aliases =
      history.status === "fulfilled" ? [...new Set(history.value.map((e) => e.alias))] : [];
    page.append(
      h("h2", {}, "Move or roll back an alias"),
      aliasForm(api, model, ok, () => go(`#/m/${m}/history`), { aliases }),
    );
  }
  return page;
}
