/**
 * Docs that match the code: the README's configuration, API and CLI tables are generated from
 * the env schemas, the OpenAPI document and the commander program, and must be up to date.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const script = path.join(repo, "scripts/docs-tables.mjs");

interface DocsTables {
  renderTables(): Promise<Record<"env" | "api" | "cli", string>>;
  applyTables(readme: string, tables: Record<string, string>): string;
}

describe("README tables", () => {
  it("are up to date with the code", () => {
    const out = execFileSync(process.execPath, [script, "--check"], {
      cwd: repo,
      encoding: "utf8",
    });
    expect(out).toContain("README tables match the code");
  });

  it("list every environment variable, route and command the code defines", async () => {
    const { renderTables } = (await import(pathToFileURL(script).href)) as DocsTables;
    const tables = await renderTables();
    const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
    for (const name of [
      "PORT",
      "MODEL_REGISTRY_DIR",
      "MARKET_DATA_SOURCE",
      "INFERENCE_CACHE_TTL_MS",
    ]) {
      expect(tables.env).toContain(`\`${name}\``);
      expect(readme).toContain(`| \`${name}\` |`);
    }
    for (const route of [
      "GET /predict",
      "POST /predict/batch",
      "GET /models",
      "GET /model/{version}",
      "GET /features",
      "GET /health",
      "GET /ready",
    ]) {
      expect(tables.api).toContain(`\`${route}\``);
    }
    for (const cmd of [
      "mle train",
      "mle models list",
      "mle models activate <version>",
      "mle predict",
      "mle features",
    ]) {
      expect(tables.cli).toContain(`\`${cmd}`);
    }
  });

  it("detect a README that lost a row", async () => {
    const { renderTables, applyTables } = (await import(pathToFileURL(script).href)) as DocsTables;
    const readme = fs.readFileSync(path.join(repo, "README.md"), "utf8");
    const stale = readme.replace(/^\| `PORT` \|.*\n/m, "");
    expect(stale).not.toBe(readme);
    expect(applyTables(stale, await renderTables())).toBe(readme);
  });
});
