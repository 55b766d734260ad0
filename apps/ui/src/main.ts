/**
 * Entry of the web UI: the live app (hash-routed pages over the public HTTP API), or, in a file
 * written by `mle report`, the version page drawn from the embedded data without any network.
 * @module
 */
import "./style.css";
import { apiRootFrom, httpSource } from "./api";
import { h, replace } from "./dom";
import { errorBox } from "./pages/common";
import { comparePage } from "./pages/compare";
import { historyPage } from "./pages/history";
import { modelsPage } from "./pages/models";
import { versionPage } from "./pages/version";
import { versionView } from "./pages/version-view";
import { versionsPage } from "./pages/versions";
import { readReportData } from "./report-data";
import { parseRoute } from "./router";
import { adminToken, setAdminToken } from "./state";

const app = document.getElementById("app")!;
const report = readReportData(document);

if (report) {
  document.body.classList.add("report");
  document.getElementById("token-form")?.remove();
  document.title = `${report.model} ${report.details.version}: training report`;
  replace(
    app,
    h(
      "p",
      { class: "muted" },
      `Training report for model ${report.model}, generated ${report.generated_at} by mle report.`,
    ),
    versionView(report.details, report.predictions),
  );
} else {
  const api = httpSource(apiRootFrom(location.pathname));
  let renders = 0;
  const render = async () => {
    const id = ++renders;
    const route = parseRoute(location.hash);
    const crumbs = document.getElementById("crumbs");
    if (crumbs) {
      const model = "model" in route ? route.model : null;
      replace(
        crumbs,
        h("a", { href: "#/" }, "models"),
        model ? " / " : "",
        model ? h("a", { href: `#/m/${encodeURIComponent(model)}` }, model) : "",
      );
    }
    replace(app, h("p", { class: "muted" }, "Loading…"));
    const go = (hash: string) => {
      if (location.hash === hash) void render();
      else location.hash = hash;
    };
    let page: HTMLElement;
    try {
      switch (route.page) {
        case "models":
          page = await modelsPage(api);
          break;
        case "versions":
          page = await versionsPage(api, route.model, go);
          break;
        case "version":
          page = await versionPage(api, route.model, route.version, go);
          break;
        case "compare":
          page = await comparePage(api, route.model, route.a, route.b);
          break;
        case "history":
          page = await historyPage(api, route.model, go);
          break;
        case "not-found":
          page = h(
            "div",
            { "data-page": "not-found" },
            h("h1", {}, "Not found"),
            h("p", {}, `No page at ${route.hash}.`),
          );
          break;
        default: {
          const never: never = route;
          throw new Error(`unhandled route ${JSON.stringify(never)}`);
        }
      }
    } catch (e) {
      page = errorBox(e);
    }
    // A slower earlier render must not overwrite a newer page.
    if (id === renders) replace(app, page);
  };
  const input = document.getElementById("admin-token") as HTMLInputElement | null;
  const state = document.getElementById("token-state");
  const showState = () => {
    if (state) state.textContent = adminToken() ? "token set (this tab only)" : "no token";
  };
  input?.addEventListener("input", () => {
    setAdminToken(input.value);
    showState();
  });
  document.getElementById("token-form")?.addEventListener("submit", (e) => e.preventDefault());
  showState();
  window.addEventListener("hashchange", () => void render());
  void render();
}
