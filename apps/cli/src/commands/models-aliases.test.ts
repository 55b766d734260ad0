import os from "node:os";
import path from "node:path";
import { openRegistry } from "@mle/registry";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDir, createTestCli, type TempDir } from "../testing/test-deps";

const ARTIFACTS = (n: number) => ({
  model: { format: "mle.ridge", n },
  metadata: { model_type: "ridge" },
  metrics: {
    validation: {
      model: { rmse: 0.01 * n, mae: 0.01, r2: 0.001 * n, directional_accuracy: 0.5, n: 20 },
    },
  },
  featureColumns: ["close"],
  datasetSummary: { rows: 100 },
});

/** What the registry records as `who` when the CLI names nobody: this process's user@host. */
const WHO = `${os.userInfo().username}@${os.hostname()}`;

describe("mle models: named models, aliases, history and rollback", () => {
  let tmp: TempDir;
  let cli: ReturnType<typeof createTestCli>;
  const dir = () => path.join(tmp.dir, "reg");
  const run = (...args: string[]) => cli.run(...args, "--registry", "reg");
  const json = async (...args: string[]) => {
    const r = await run(...args, "--json");
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };

  beforeAll(async () => {
    tmp = await createTempDir();
    const registry = openRegistry(dir(), { clock: () => new Date("2026-01-02T03:04:05.000Z") });
    const main = registry.model();
    await main.save(ARTIFACTS(1), { activate: true });
    await main.save(ARTIFACTS(2));
    await main.save(ARTIFACTS(3));
    await registry.model("btc-1m").save(ARTIFACTS(4), { activate: true });
    cli = createTestCli({ cwd: tmp.dir });
  });
  afterAll(() => tmp.cleanup());

  it("sets an alias to a version or another alias, with the reason and user@host recorded", async () => {
    const set = await json("models", "alias", "set", "champion", "v2", "--reason", "best DM");
    expect(set).toMatchObject({
      seq: 1,
      alias: "champion",
      from: null,
      to: "v2",
      who: WHO,
      reason: "best DM",
    });
    const text = await run("models", "alias", "set", "staging", "champion");
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe("alias staging of model default: v2 (was unset)\n");
  });

  it("lists the aliases, and shows them in models list and models show", async () => {
    const listed = await json("models", "alias", "list");
    expect(listed.registry).toBe(dir());
    expect(listed.model).toBe("default");
    expect(
      listed.aliases.map((a: { alias: string; version: string }) => [a.alias, a.version]).sort(),
    ).toEqual([
      ["active", "v1"],
      ["champion", "v2"],
      ["staging", "v2"],
    ]);

    const versions = await json("models", "list");
    expect(versions.models[1]).toMatchObject({ version: "v2", aliases: ["champion", "staging"] });
    const table = await run("models", "list");
    expect(table.stdout).toMatch(/^\s+v2\s+champion, staging\s+2026-/m);

    const shown = await json("models", "show", "champion");
    expect(shown).toMatchObject({ version: "v2", aliases: ["champion", "staging"] });
    const shownText = await run("models", "show", "staging");
    expect(shownText.stdout).toMatch(/^version\s+v2\n/);
    expect(shownText.stdout).toMatch(/\naliases\s+champion, staging\n/);
  });

  it("activates with a reason and rolls back to the previous holder in one step", async () => {
    const activated = await json("models", "activate", "v3", "--reason", "new data");
    expect(activated).toEqual({ active_version: "v3", previous_version: "v1" });

    const back = await run("models", "rollback", "--reason", "v3 drifts");
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout).toBe("rolled back alias active of model default: v1 (was v3)\n");
    expect(await openRegistry(dir()).model().getActive()).toBe("v1");
  });

  it("shows the history of one alias or of every alias, oldest first", async () => {
    const active = await json("models", "history", "--alias", "active");
    expect(active.history.map((e: { from: string | null; to: string }) => [e.from, e.to])).toEqual([
      [null, "v1"],
      ["v1", "v3"],
      ["v3", "v1"],
    ]);
    expect(active.history.map((e: { reason: string | null }) => e.reason)).toEqual([
      null,
      "new data",
      "v3 drifts",
    ]);
    expect(active.history.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);

    const all = await json("models", "history");
    expect(all.history).toHaveLength(5);
    expect(new Set(all.history.map((e: { alias: string }) => e.alias))).toEqual(
      new Set(["active", "champion", "staging"]),
    );

    const table = await run("models", "history", "--alias", "active");
    const lines = table.stdout.split("\n");
    expect(lines[0]).toMatch(/^seq\s+alias\s+from → to\s+at\s+who\s+reason$/);
    expect(lines[3]).toMatch(
      new RegExp(
        `^\\s*2\\s+active\\s+v1 → v3\\s+\\S+Z\\s+${WHO.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+new data$`,
      ),
    );
    expect(lines[2]).toMatch(/^\s*1\s+active\s+- → v1\s/);
  });

  it("exits 1 with NO_PREVIOUS_VERSION when the alias never had another holder", async () => {
    const r = await run("models", "rollback", "--alias", "champion");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "error [NO_PREVIOUS_VERSION]: alias champion of model default has no recorded previous version to roll back to\n" +
        "hint: the alias history has no earlier holder to go back to: point it with `mle models alias set`\n",
    );
  });

  it("exits 1 with ALIAS_NOT_FOUND for an alias that is not set", async () => {
    const shown = await run("models", "show", "nightly");
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(
      /^error \[ALIAS_NOT_FOUND\]: alias nightly of model default is not set\n/,
    );
    const rolled = await run("models", "rollback", "--alias", "nightly");
    expect(rolled.code).toBe(1);
    expect(rolled.stderr).toMatch(/^error \[ALIAS_NOT_FOUND\]/);
  });

  it("refuses to point an alias at an unknown version (exit 1) and changes nothing", async () => {
    const r = await run("models", "alias", "set", "champion", "v9");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[MODEL_NOT_FOUND\]/);
    expect(await openRegistry(dir()).model().getAlias("champion")).toBe("v2");
  });

  it("rejects bad model and alias names with exit 2 and a one-line message", async () => {
    const cases: string[][] = [
      ["models", "list", "--model", "../etc"],
      ["models", "show", "v1", "--model", "Upper"],
      ["models", "history", "--model", "%2e%2e"],
      ["models", "alias", "set", "v3", "v1"],
      ["models", "alias", "set", "Champion", "v1"],
      ["models", "alias", "set", "../x", "v1"],
      ["models", "history", "--alias", "a/b"],
      ["models", "rollback", "--alias", "x".repeat(65)],
    ];
    for (const args of cases) {
      const r = await run(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).toMatch(
        /^error \[INVALID_NAME\]: (model|alias) name .* is not valid .*\nhint: /,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("addresses another model with --model, and lists the models of the registry with --all", async () => {
    const btc = await json("models", "list", "--model", "btc-1m");
    expect(btc).toMatchObject({ model: "btc-1m", active_version: "v1" });
    expect(btc.models.map((m: { version: string }) => m.version)).toEqual(["v1"]);

    const all = await json("models", "list", "--all");
    expect(all).toEqual({
      registry: dir(),
      models: [
        {
          model: "btc-1m",
          versions: 1,
          latest_version: "v1",
          active_version: "v1",
          aliases: { active: "v1" },
        },
        {
          model: "default",
          versions: 3,
          latest_version: "v3",
          active_version: "v1",
          aliases: { active: "v1", champion: "v2", staging: "v2" },
        },
      ],
    });
    const table = await run("models", "list", "--all");
    expect(table.stdout).toMatch(/^model\s+versions\s+latest\s+active\s+aliases$/m);
    expect(table.stdout).toMatch(/^default\s+3\s+v3\s+v1\s+champion → v2, staging → v2$/m);
    expect(table.stdout).toMatch(/^btc-1m\s+1\s+v1\s+v1\s+-$/m);

    const both = await run("models", "list", "--all", "--model", "btc-1m");
    expect(both.code).toBe(2);
  });

  it("prunes old versions but keeps every version an alias points at", async () => {
    // v3 is the newest, v2 is champion and staging, v1 is active: nothing to remove.
    expect(await json("models", "prune", "--keep", "1")).toEqual({
      removed: [],
      remaining: ["v3", "v2", "v1"],
    });
  });

  it("refuses --registry together with its alias --registry-dir (exit 2)", async () => {
    const r = await cli.run("models", "list", "--registry", "reg", "--registry-dir", "other");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be used with/);
  });
});
