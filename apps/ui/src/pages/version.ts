import { type DataSource, predictionsFor } from "../api";
import { h } from "../dom";
import { aliasForm } from "./alias-form";
import { errorBox, modelPageFrame } from "./common";
import { versionView } from "./version-view";

/** One version: the shared view plus an alias form (ok versions only). */
export async function versionPage(
  api: DataSource,
  model: string,
  version: string,
  go: (hash: string) => void,
): Promise<HTMLElement> {
  const m = encodeURIComponent(model);
  const page = modelPageFrame("version", model);
  try {
    const details = await api.version(model, version);
    const predictions = await predictionsFor(api, model, details);
    const actions =
      details.status === "ok"
        ? h(
            "details",
            { class: "actions" },
            h("summary", {}, "Point an alias at this version"),
            aliasForm(api, model, [details.version], () => go(`#/m/${m}/history`), {
              fixedVersion: details.version,
            }),
          )
        : null;
    page.append(versionView(details, predictions, { actions }));
  } catch (e) {
    page.append(errorBox(e));
  }
  return page;
}
