import { readFile } from "node:fs/promises";
import path from "node:path";
import { createRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_PLACEHOLDER, renderReport, scriptSafeJson } from "../report/report-html";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";

const ARTIFACTS = {
  model: { format: "mle.ridge" },
  metadata: {
    model_type: "ridge",
    hyperparameters: { alpha: 2 },
    note: "</script><script>alert(1)</script>",
  },
  metrics: {
    validation: { model: { rmse: 0.01, r2: 0.1, directional_accuracy: 0.55, mae: 0.008, n: 20 } },
  },
  featureColumns: ["close"],
  datasetSummary: { rows: 100 },
};

/** The JSON a report embeds, read back from the HTML as the page would. */
function embedded(html: string): Record<string, unknown> {
  const m = /<script type="application\/json" id="mle-report-data">(.*?)<\/script>/s.exec(html);
  return JSON.parse(m![1]!) as Record<string, unknown>;
}

describe("mle report", () => {
  let tmp: TempDir;
  beforeAll(async () => {
    tmp = await createTempDir();
    await createRegistry({
      dir: path.join(tmp.dir, "reg"),
      clock: () => new Date("2026-01-02T00:00:00Z"),
    }).save(ARTIFACTS);
  });
  afterAll(() => tmp.cleanup());

  it("writes the version page as one self-contained HTML file with the version's data inline", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const run = await cli.run("report", "v1", "--registry-dir", "reg", "--out", "out/r.html");
    expect(run.code, run.stderr).toBe(0);
    const file = path.join(tmp.dir, "out", "r.html");
    expect(run.stdout).toContain(file);
    const html = await readFile(file, "utf8");
    // Inline script and styles, a CSP that forbids the network, no external reference.
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/<script type="module">/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="(?!data:)/);
    const data = embedded(html);
    expect(data).toMatchObject({ format: "mle.report", model: "default", predictions: null });
    expect(data.details).toMatchObject({
      version: "v1",
      status: "ok",
      kind: "ridge",
      metrics: ARTIFACTS.metrics,
    });
    // A metadata value cannot close the data element.
    expect((data.details as { metadata: { note: string } }).metadata.note).toBe(
      ARTIFACTS.metadata.note,
    );
  });

  it("names the file after the version by default and prints JSON with --json", async () => {
    const run = await createTestCli({ cwd: tmp.dir }).run(
      "report",
      "v1",
      "--registry-dir",
      "reg",
      "--json",
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      version: "v1",
      file: path.join(tmp.dir, "report-v1.html"),
    });
  });

  it("fails with MODEL_NOT_FOUND / ALIAS_NOT_FOUND (exit 1) for an unknown version or alias and INVALID_VERSION (exit 2) for a bad name", async () => {
    const cli = createTestCli({ cwd: tmp.dir });
    const unknown = await cli.run("report", "v9", "--registry-dir", "reg");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("MODEL_NOT_FOUND");
    const noAlias = await cli.run("report", "latest", "--registry-dir", "reg");
    expect(noAlias.code).toBe(1);
    expect(noAlias.stderr).toMatch(
      /^error \[ALIAS_NOT_FOUND\]: alias latest of model default is not set\n/,
    );
    const bad = await cli.run("report", "../v1", "--registry-dir", "reg");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("INVALID_VERSION");
  });
});

describe("mle train --report", () => {
  it("writes the new version's report after training", async () => {
    const tmp = await createTempDir();
    try {
      const config = await tmp.file(
        "t.yaml",
        "symbols: [AAPL]\nlookback: 5\ncandles: 120\ncv:\n  folds: 2\n  gap: 0\nregistry_dir: models\n",
      );
      const run = await createTestCli({ cwd: tmp.dir }).run(
        "train",
        "--config",
        config,
        "--report",
        "--json",
      );
      expect(run.code, run.stderr).toBe(0);
      const summary = JSON.parse(run.stdout) as { version: string; report: string };
      expect(summary.report).toBe(path.join(tmp.dir, `report-${summary.version}.html`));
      const data = embedded(await readFile(summary.report, "utf8"));
      expect(data).toMatchObject({ details: { version: summary.version, status: "ok" } });
    } finally {
      await tmp.cleanup();
    }
  });
});

describe("renderReport", () => {
  it("fills the placeholder with script-safe JSON", () => {
    const html = renderReport(`<body>${REPORT_PLACEHOLDER}</body>`, {
      format: "mle.report",
      generated_at: "t",
      model: "default",
      details: { x: "</script>\u2028" },
      predictions: null,
    });
    expect(html).not.toContain("</script>\u2028");
    expect(scriptSafeJson("<")).toBe('"\\u003c"');
    expect(embedded(html)).toMatchObject({ details: { x: "</script>\u2028" } });
  });

  it("refuses a template without the placeholder", () => {
    expect(() => renderReport("<body></body>", {} as never)).toThrow(/placeholder/);
  });
});
