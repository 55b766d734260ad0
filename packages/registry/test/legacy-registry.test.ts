/**
 * A registry written by the first registry (root `vN/` + `active.json`, produced by its own
 * `mle train`) opens unchanged as model `default`, with `active` as its only alias and an empty
 * history; the first move starts the history from the version it pointed at.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openRegistry } from "../src/open-registry";
import { makeTempDir } from "../src/test-support";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "registry-v1");

async function copyOfFixture(): Promise<string> {
  const dir = path.join(await makeTempDir(), "models");
  await fs.cp(FIXTURE, dir, { recursive: true });
  return dir;
}

describe("a registry folder written by the first registry", () => {
  it("opens as model default with its versions, active as its only alias and no history", async () => {
    const registry = openRegistry(await copyOfFixture());
    expect(await registry.models()).toEqual(["default"]);
    const model = registry.model();
    const listed = await model.list();
    expect(listed.map((e) => [e.version, e.status, e.is_active, e.aliases])).toEqual([
      ["v2", "ok", true, ["active"]],
      ["v1", "ok", false, []],
    ]);
    expect(await model.getActive()).toBe("v2");
    expect((await model.aliases()).map((a) => [a.alias, a.version])).toEqual([["active", "v2"]]);
    expect(await model.history()).toEqual([]);
    const loaded = await model.load("active");
    expect(loaded.version).toBe("v2");
    expect(loaded.metadata).toMatchObject({ version: "v2" });
  });

  it("continues: the next save is v3 and the first move records where active was", async () => {
    const dir = await copyOfFixture();
    const model = openRegistry(dir, { who: "ops@box" }).model();
    const original = await fs.readFile(path.join(dir, "v1", "model.json"));
    const { version } = await model.save(
      {
        model: JSON.parse(original.toString("utf8")),
        metadata: { note: "after upgrade" },
        metrics: {},
        featureColumns: [],
        datasetSummary: {},
      },
      { activate: true, reason: "upgrade" },
    );
    expect(version).toBe("v3");
    const history = await model.history({ alias: "active" });
    expect(history.map((e) => [e.seq, e.from, e.to, e.who, e.reason])).toEqual([
      [1, "v2", "v3", "ops@box", "upgrade"],
    ]);
    expect((await model.rollback()).to).toBe("v2");
    // Old versions are untouched by the new code.
    expect(await fs.readFile(path.join(dir, "v1", "model.json"))).toEqual(original);
  });
});
