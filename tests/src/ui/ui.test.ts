import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "../reliability/support/api-process";
import { runMle } from "../reliability/support/cli";
import { tempDir } from "../reliability/support/temp";
import { type Browser, CHROMIUM, HAVE_CHROMIUM, launchBrowser, MUST_RUN } from "./support/browser";
import { buildUiRegistry, type UiRegistry } from "./support/registry";

const require = createRequire(import.meta.url);
const UI_DIR = path.join(path.dirname(require.resolve("ui/package.json")), "dist");
const TOKEN = "ui-test-admin-token-0123456789";
const PLOTS = ["timeseries", "returns", "scatter", "residuals", "folds", "coverage"];

if (!HAVE_CHROMIUM && !MUST_RUN) {
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
}

interface Figure {
  readonly plot: string;
  readonly points: number;
  readonly canvas: boolean;
  readonly legend: string[];
}

/** Every chart on the page: its name, how many points it drew, whether uPlot made a canvas. */
function figures(page: Page): Promise<Figure[]> {
  return page.$$eval("figure[data-plot]", (figs) =>
    figs.map((f) => {
      const canvas = f.querySelector("canvas");
      return {
        plot: f.getAttribute("data-plot") ?? "",
        points: Number(f.getAttribute("data-points")),
        canvas: canvas !== null && canvas.width > 0 && canvas.height > 0,
        legend: [...f.querySelectorAll(".u-legend .u-series .u-label")].map(
          (l) => l.textContent ?? "",
        ),
      };
    }),
  );
}

function expectEveryPlotDrawn(figs: readonly Figure[]) {
  expect(figs.map((f) => f.plot).sort()).toEqual([...PLOTS].sort());
  for (const f of figs) {
    expect({ plot: f.plot, drawn: f.points > 0 && f.canvas }).toEqual({
      plot: f.plot,
      drawn: true,
    });
  }
}

describe.skipIf(!HAVE_CHROMIUM && !MUST_RUN)("web UI in Chromium", () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  let registry: UiRegistry;
  let server: ApiProcess;
  let browser: Browser;
  /** Console errors the API's refusals cause on purpose (the browser logs every 4xx response). */
  const expected: RegExp[] = [];

  const ui = (hash: string) => `${server.url}/ui/${hash}`;
  async function open(hash: string, ready: string): Promise<Page> {
    const page = await browser.page();
    await page.goto(ui(hash));
    await page.waitForSelector(ready);
    return page;
  }

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI=true and no Chromium at ${CHROMIUM}`);
    temp = await tempDir("mle-ui-");
    registry = await buildUiRegistry(path.join(temp.dir, "models"));
    server = await startApiProcess({
      MODEL_REGISTRY_URI: registry.dir,
      UI_DIR,
      ADMIN_TOKEN: TOKEN,
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await temp?.cleanup();
  });

  it("lists the registered models with their version counts and aliases", async () => {
    const page = await open("#/", '[data-table="models"] tr[data-model="btc"]');
    const rows = await page.$$eval('[data-table="models"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].slice(0, 4).map((td) => td.textContent)),
    );
    expect(rows).toEqual([
      ["btc", "1", "v1", "active → v1"],
      ["default", "4", "v4", "active → v3"],
    ]);
    await browser.screenshot(page, "models");
    await page.close();
  });

  it("shows a model's versions sortable, with status, reason, aliases, kind and verdict", async () => {
    const page = await open("#/m/default", '[data-table="versions"] tr[data-version="v1"]');
    const col = (key: string) =>
      page.$$eval(`[data-table="versions"] tbody td[data-col="${key}"]`, (tds) =>
        tds.map((td) => td.textContent ?? ""),
      );
    expect(await col("version")).toEqual(["v4", "v3", "v2", "v1"]);
    expect(await col("status")).toEqual(["corrupt", "ok", "ok", "ok"]);
    expect(await col("aliases")).toEqual(["", "active", "", ""]);
    expect(await col("kind")).toEqual(["–", "ridge", "ridge", "ridge"]);
    const verdicts = await col("verdict");
    expect(verdicts[1]).toMatch(/skill/);
    expect(verdicts[3]).toBe("–"); // v1 was trained without an evaluation
    const reason = await page.getAttribute(
      'tr[data-version="v4"] td[data-col="status"] span',
      "title",
    );
    expect(reason).toContain("model.json");
    expect(await page.isDisabled('tr[data-version="v4"] input[type="checkbox"]')).toBe(true);
    // A corrupt version is not offered to the alias form.
    const offered = await page.$$eval('[data-form="alias"] select[name="version"] option', (os) =>
      os.map((o) => o.textContent),
    );
    expect(offered).toEqual(["v3", "v2", "v1"]);
    await page.click('th[data-sort="version"]');
    expect(await col("version")).toEqual(["v1", "v2", "v3", "v4"]);
    await page.click('th[data-sort="rmse"]');
    const rmse = (await col("rmse")).filter((t) => t !== "–").map(Number);
    expect(rmse).toEqual([...rmse].sort((a, b) => a - b));
    await browser.screenshot(page, "versions");
    await page.close();
  });

  it("draws every plot of a version from its stored predictions", async () => {
    const page = await open("#/m/default/v/v3", 'figure[data-plot="coverage"]');
    expectEveryPlotDrawn(await figures(page));
    const ts = (await figures(page)).find((f) => f.plot === "timeseries")!;
    expect(ts.legend).toEqual(
      expect.arrayContaining(["actual", "predicted", "90 % interval upper"]),
    );
    const note = await page.textContent('figure[data-plot="returns"] .note');
    expect(note).toContain("not a backtest");
    expect(await page.textContent('figure[data-plot="returns"] figcaption')).toMatch(
      /^Illustration/,
    );
    expect(await page.textContent("[data-verdict]")).toMatch(/^Verdict: /);
    const cw = await page.$$eval('[data-table="evaluation"] tbody tr:first-child td', (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    expect(cw.every((p) => p >= 0 && p <= 1)).toBe(true);
    // The other symbol redraws the per-symbol plots.
    await page.selectOption('[data-control="symbol"]', "MSFT");
    await page.waitForSelector('figure[data-plot="timeseries"] figcaption:has-text("MSFT")');
    expectEveryPlotDrawn(await figures(page));
    await browser.screenshot(page, "version");
    await page.close();
  });

  it("plots only the per-fold metrics of a version without predictions, and flags a corrupt one", async () => {
    const old = await open("#/m/default/v/v1", '[data-note="no-predictions"]');
    const figs = await figures(old);
    expect(figs.map((f) => [f.plot, f.points > 0 && f.canvas])).toEqual([["folds", true]]);
    await old.close();
    const bad = await open(`#/m/default/v/${registry.corrupt}`, "[data-problem]");
    expect(await bad.textContent("[data-problem]")).toContain("model.json");
    expect(await bad.$('[data-form="alias"]')).toBeNull();
    await browser.screenshot(bad, "version-corrupt");
    await bad.close();
  });

  it("compares two versions: metrics side by side and the same plots overlaid", async () => {
    const page = await open("#/m/default", '[data-table="versions"] tr[data-version="v2"]');
    await page.check('tr[data-version="v2"] input[type="checkbox"]');
    await page.check('tr[data-version="v3"] input[type="checkbox"]');
    await page.click('[data-action="compare"]');
    await page.waitForSelector('[data-page="compare"] figure[data-plot="coverage"]');
    expect(page.url()).toContain("#/m/default/compare/v2/v3");
    const figs = await figures(page);
    expectEveryPlotDrawn(figs);
    expect(figs.find((f) => f.plot === "timeseries")!.legend).toEqual(
      expect.arrayContaining(["actual", "v2 predicted", "v3 predicted"]),
    );
    const rmse = await page.$$eval('[data-table="compare"] tbody tr:first-child td', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(rmse).toHaveLength(3);
    expect(Number(rmse[0])).toBeGreaterThan(0);
    await browser.screenshot(page, "compare");
    await page.close();
  });

  it("refuses an alias move without the admin token, applies it with one and shows it in the history", async () => {
    const page = await open("#/m/default/history", '[data-form="alias"]');
    await page.fill('[data-form="alias"] input[name="alias"]', "champion");
    await page.selectOption('[data-form="alias"] select[name="version"]', "v2");
    expected.push(/status of 401/);
    await page.click('[data-form="alias"] [data-action="move"]');
    await page.waitForSelector('[data-result="alias"] [data-code="UNAUTHORIZED"]');
    expect(await page.textContent('[data-result="alias"]')).toContain("HTTP 401");
    expect(await page.$('tr[data-alias="champion"]')).toBeNull();

    await page.fill("#admin-token", TOKEN);
    expect(await page.textContent("#token-state")).toContain("token set");
    await page.fill('[data-form="alias"] input[name="alias"]', "champion");
    await page.selectOption('[data-form="alias"] select[name="version"]', "v2");
    await page.click('[data-form="alias"] [data-action="move"]');
    await page.waitForSelector('[data-table="history"] tr[data-alias="champion"][data-to="v2"]');

    // Roll back `active` (v2 → v3 happened at training; back to v2), also with the token.
    await page.fill('[data-form="alias"] input[name="alias"]', "active");
    await page.click('[data-form="alias"] [data-action="rollback"]');
    await page.waitForSelector(
      '[data-table="history"] tr[data-alias="active"][data-to="v2"]:last-child',
    );
    const res = await fetch(`${server.url}/registry/models/default/aliases`);
    const { aliases } = (await res.json()) as { aliases: { alias: string; version: string }[] };
    expect(Object.fromEntries(aliases.map((a) => [a.alias, a.version]))).toEqual({
      active: "v2",
      champion: "v2",
    });
    // The token lives in page memory only: a reload forgets it.
    await page.reload();
    await page.waitForSelector('[data-form="alias"]');
    expect(await page.inputValue("#admin-token")).toBe("");
    expect(
      await page.evaluate(
        "JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie",
      ),
    ).not.toContain(TOKEN);
    await browser.screenshot(page, "history");
    await page.close();
  });

  it("renders the offline /docs page with the operations list", async () => {
    const page = await browser.page();
    await page.goto(`${server.url}/docs`);
    await page.waitForSelector(".opblock-summary-path");
    const paths = await page.$$eval(".opblock-summary-path", (els) =>
      els.map((e) => e.textContent?.replace(/\u200b/g, "") ?? ""),
    );
    expect(paths).toEqual(
      expect.arrayContaining(["/model/{version}/predictions", "/registry/models"]),
    );
    expect(paths.length).toBeGreaterThan(15);
    expect(await page.$(".btn.authorize")).not.toBeNull();
    await browser.screenshot(page, "docs");
    await page.close();
  });

  it("renders the HTML report of `mle report` from disk with the network disabled", async () => {
    const file = path.join(temp.dir, "report-v3.html");
    const r = await runMle(["report", "v3", "--out", file, "--registry", registry.dir], {
      cwd: temp.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const requests: string[] = [];
    await browser.context.setOffline(true);
    try {
      const page = await browser.page();
      page.on("request", (req) => {
        if (!req.url().startsWith("file:")) requests.push(req.url());
      });
      await page.goto(`file://${file}`);
      await page.waitForSelector('figure[data-plot="coverage"]');
      expectEveryPlotDrawn(await figures(page));
      expect(await page.textContent("body")).toContain("Training report for model default");
      expect(requests).toEqual([]);
      await browser.screenshot(page, "report");
      await page.close();
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it("logged no browser error on any page except the refusals asked for", () => {
    const unexpected = browser.errors().filter((e) => !expected.some((re) => re.test(e)));
    expect(unexpected).toEqual([]);
  });
});
