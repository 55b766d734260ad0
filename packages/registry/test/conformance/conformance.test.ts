/**
 * One behavioural suite for every backend: concurrent saves and alias moves from separate
 * processes, kills mid-save, integrity, names, aliases and their history.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openRegistry, registryOver } from "../../src/open-registry";
import { openBackend } from "../../src/location";
import type { RegistryBackend } from "../../src/backend";
import type { ModelRegistry } from "../../src/types";
import { sampleArtifacts } from "../../src/test-support";
import { assertBuilt, startWorker } from "../workers";
import { BACKEND_CASES, type OpenedCase } from "./cases";
import path from "node:path";

const WORKER = path.join(import.meta.dirname, "..", "location-worker.mjs");

/** A backend wrapper counting calls by operation, to prove what a call did not touch. */
function counting(inner: RegistryBackend): {
  backend: RegistryBackend;
  calls: Map<string, number>;
} {
  const calls = new Map<string, number>();
  const backend = new Proxy(inner, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { backend, calls };
}

for (const backendCase of BACKEND_CASES) {
  describe(`registry conformance: ${backendCase.name}`, () => {
    let opened: OpenedCase;
    let registry: ModelRegistry;
    let skip: string | null = null;

    beforeAll(async () => {
      skip = await backendCase.missing();
      if (skip) {
        if (process.env.CI === "true") throw new Error(`${backendCase.name}: ${skip}`);
        console.warn(`skipping the ${backendCase.name} conformance suite: ${skip}`);
        return;
      }
      assertBuilt();
      opened = await backendCase.open();
      registry = openRegistry(opened.location, {
        who: "tester@test",
        clock: () => new Date("2025-01-02T03:04:05.000Z"),
      });
    }, 60_000);
    afterAll(async () => {
      await opened?.cleanup();
    });
    const test = (name: string, fn: () => Promise<void>, timeout = 60_000) =>
      it(
        name,
        async (ctx) => {
          if (skip) return ctx.skip();
          await fn();
        },
        timeout,
      );

    const runAll = async (argsList: string[][]) => {
      const workers = argsList.map((args) => startWorker([opened.location, ...args], WORKER));
      await Promise.all(workers.map((w) => w.waitFor("READY")));
      for (const w of workers) w.child.stdin?.write("go\n");
      const exits = await Promise.all(workers.map((w) => w.exited));
      expect(
        exits.map((e) => e.code),
        workers.map((w) => w.stderr()).join("\n"),
      ).toEqual(exits.map(() => 0));
      return workers.map((w) => w.lines().filter((l) => l !== "READY"));
    };

    test("8 concurrent savers in separate processes get 8 distinct consecutive versions, none lost", async () => {
      const outputs = await runAll(
        Array.from({ length: 8 }, (_, i) => ["race", "save", `w${i}`, "1"]),
      );
      const saved = outputs.flatMap((lines) => lines.filter((l) => l.startsWith("SAVED ")));
      const versions = saved.map((l) => l.split(" ")[1]).sort();
      expect(new Set(versions).size).toBe(8);
      const listed = await registry.model("race").list();
      expect(listed.map((e) => e.version)).toEqual([
        "v8",
        "v7",
        "v6",
        "v5",
        "v4",
        "v3",
        "v2",
        "v1",
      ]);
      expect(listed.every((e) => e.status === "ok")).toBe(true);
      // Each version holds the artifacts of the saver that reported it.
      for (const line of saved) {
        const [, version, tag] = line.split(" ");
        const loaded = await registry.model("race").load(version as string);
        expect((loaded.datasetSummary as { tag: string }).tag).toBe(tag);
      }
    }, 120_000);

    test("concurrent alias moves from separate processes: applied or rejected, each applied move once in the history", async () => {
      const model = registry.model("moves");
      for (let i = 0; i < 6; i++) await model.save(sampleArtifacts(`m${i}`));
      const outputs = await runAll(
        Array.from({ length: 6 }, (_, i) => ["moves", "move", "champion", `v${i + 1}`]),
      );
      const results = outputs.map((lines) => lines.find((l) => /^(MOVED|REJECTED) /.test(l)));
      for (const r of results)
        expect(r).toMatch(/^(MOVED \d+ (v\d|null) v\d|REJECTED ALIAS_CONFLICT)$/);
      const applied = results.filter((r) => r?.startsWith("MOVED "));
      expect(applied.length).toBeGreaterThan(0);
      const history = await model.history({ alias: "champion" });
      expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i + 1));
      expect(history.length).toBe(applied.length);
      for (const r of applied) {
        const [, seq, , to] = (r as string).split(" ");
        expect(history.find((e) => e.seq === Number(seq))?.to).toBe(to);
      }
      // Each move's `from` is the holder before it: the history is one chain of real moves.
      for (let i = 1; i < history.length; i++) expect(history[i]?.from).toBe(history[i - 1]?.to);
      expect(await model.getAlias("champion")).toBe(history.at(-1)?.to);
    }, 120_000);

    test("two prunes at once: both succeed, each reports what it removed, together everything old", async () => {
      const m = registry.model("prunes");
      for (let i = 0; i < 6; i++) await m.save(sampleArtifacts(`p${i}`));
      await m.activate("v6");
      const [a, b] = await runAll([
        ["prunes", "prune", "1"],
        ["prunes", "prune", "1"],
      ]);
      const removed = [a, b].map((lines) =>
        (lines?.find((l) => l.startsWith("PRUNED "))?.slice(7) ?? "").split(",").filter(Boolean),
      );
      const all = [...(removed[0] ?? []), ...(removed[1] ?? [])].sort();
      expect(all).toEqual(["v1", "v2", "v3", "v4", "v5"]);
      expect((await m.list()).map((e) => e.version)).toEqual(["v6"]);
    }, 120_000);

    test("a prune racing an activate of an old version never leaves the alias on a removed version", async () => {
      for (let round = 0; round < 3; round++) {
        const name = `race-prune-${round}`;
        const m = registry.model(name);
        for (let i = 0; i < 4; i++) await m.save(sampleArtifacts(`r${i}`));
        await m.activate("v4");
        await runAll([
          [name, "prune", "1"],
          [name, "activate", "v1"],
        ]);
        const active = await m.getActive();
        const listed = (await m.list()).map((e) => e.version);
        expect(listed, `round ${round}: active ${active}`).toContain(active);
        expect((await m.load("active")).version).toBe(active);
      }
    }, 120_000);

    test("a saver killed at random points leaves only complete versions", async () => {
      for (const delay of [5, 40, 120]) {
        const w = startWorker([opened.location, "killed", "save", `k${delay}`, "200"], WORKER);
        await w.waitFor("READY");
        w.child.stdin?.write("go\n");
        await new Promise((r) => setTimeout(r, delay));
        w.child.kill("SIGKILL");
        await w.exited;
      }
      const model = registry.model("killed");
      const listed = await model.list();
      expect(
        listed.every((e) => e.status === "ok"),
        JSON.stringify(listed.filter((e) => e.status !== "ok")),
      ).toBe(true);
      // The next save still works and takes the next free number.
      const { version } = await model.save(sampleArtifacts("after"));
      const max = Math.max(0, ...listed.map((e) => Number(e.version.slice(1))));
      expect(version).toBe(`v${max + 1}`);
    }, 120_000);

    test("a tampered or missing artifact makes the version corrupt: never loaded, never aliased", async () => {
      const model = registry.model("damaged");
      await model.save(sampleArtifacts("a"), { activate: true });
      await model.save(sampleArtifacts("b"));
      await model.save(sampleArtifacts("c"));
      await opened.tamper("damaged", "v2", "model.json", '{"format":"evil"}\n');
      await opened.remove("damaged", "v3", "metrics.json");
      const listed = await model.list();
      expect(listed.map((e) => [e.version, e.status])).toEqual([
        ["v3", "corrupt"],
        ["v2", "corrupt"],
        ["v1", "ok"],
      ]);
      expect(listed[0]?.problem).toMatch(/metrics\.json/);
      expect(listed[1]?.problem).toMatch(/model\.json: .*(altered|truncated)/);
      await expect(model.load("v2")).rejects.toMatchObject({
        code: "MODEL_CORRUPT",
        file: "model.json",
      });
      await expect(model.activate("v2")).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
      await expect(model.setAlias("champion", "v3")).rejects.toMatchObject({
        code: "MODEL_CORRUPT",
      });
      expect(await model.getActive()).toBe("v1");
      expect(await model.getAlias("champion")).toBeNull();
    });

    test("schema-invalid metadata with a correct layout is corrupt with a clear reason", async () => {
      const model = registry.model("hostile");
      await model.save(sampleArtifacts("a"));
      const bad = {
        version: "v1",
        created_at: "2025-01-02T03:04:05.000Z",
        artifacts: { __proto__: { sha256: "0".repeat(64), bytes: 1 } },
      };
      await opened.tamper("hostile", "v1", "metadata.json", JSON.stringify(bad));
      const [entry] = await model.list();
      expect(entry?.status).toBe("corrupt");
      expect(entry?.problem).toMatch(/^metadata\.json: invalid artifacts/);
    });

    test("named models number their versions independently; the default model is unaffected", async () => {
      const a = registry.model("alpha");
      const b = registry.model("beta-1m");
      await a.save(sampleArtifacts("a1"));
      await a.save(sampleArtifacts("a2"), { activate: true });
      await b.save(sampleArtifacts("b1"), { aliases: ["champion"] });
      expect((await a.list()).map((e) => e.version)).toEqual(["v2", "v1"]);
      expect((await b.list()).map((e) => [e.version, e.aliases])).toEqual([["v1", ["champion"]]]);
      expect(await registry.models()).toEqual(expect.arrayContaining(["alpha", "beta-1m"]));
      expect(await registry.model().list()).toEqual([]);
      const meta = (await b.get("v1")).metadata as Record<string, unknown>;
      expect(meta).toMatchObject({ model_name: "beta-1m", registry_backend: registry.backend });
      expect(JSON.stringify(meta)).not.toContain(opened.location);
    });

    test("aliases resolve like versions, refuse unknown versions, and keep a who/why history", async () => {
      const m = registry.model("aliases");
      for (const t of ["a", "b", "c"]) await m.save(sampleArtifacts(t));
      await m.setAlias("champion", "v1", { reason: "first" });
      await m.setAlias("challenger", "v3");
      await m.setAlias("champion", "v2", { who: "ana@desk", reason: "beats v1" });
      expect(await m.resolve("champion")).toBe("v2");
      expect((await m.load("challenger")).version).toBe("v3");
      expect((await m.get("champion")).aliases).toEqual(["champion"]);
      await expect(m.setAlias("champion", "v9")).rejects.toMatchObject({ code: "MODEL_NOT_FOUND" });
      await expect(m.setAlias("staging", "nobody")).rejects.toMatchObject({
        code: "ALIAS_NOT_FOUND",
      });
      await expect(m.load("nobody")).rejects.toMatchObject({ code: "ALIAS_NOT_FOUND" });
      await expect(m.setAlias("champion", "v1", { expect: "v3" })).rejects.toMatchObject({
        code: "ALIAS_CONFLICT",
      });
      const champion = await m.history({ alias: "champion" });
      expect(champion.map((e) => [e.seq, e.from, e.to, e.who, e.reason])).toEqual([
        [1, null, "v1", "tester@test", "first"],
        [2, "v1", "v2", "ana@desk", "beats v1"],
      ]);
      expect(champion[1]?.prev_hash).toBe(champion[0]?.hash);
      expect((await m.history()).map((e) => e.alias).sort()).toEqual([
        "challenger",
        "champion",
        "champion",
      ]);
      expect((await m.aliases()).map((a) => [a.alias, a.version])).toEqual([
        ["challenger", "v3"],
        ["champion", "v2"],
      ]);
    });

    test("rollback moves an alias back to its previous holder in one step, recorded in the history", async () => {
      const m = registry.model("rollback");
      for (const t of ["a", "b"]) await m.save(sampleArtifacts(t));
      await expect(m.rollback()).rejects.toMatchObject({ code: "ALIAS_NOT_FOUND" });
      await m.activate("v1");
      await expect(m.rollback()).rejects.toMatchObject({ code: "NO_PREVIOUS_VERSION" });
      await m.activate("v2");
      const back = await m.rollback({ who: "oncall@pager" });
      expect([back.from, back.to, back.who]).toEqual(["v2", "v1", "oncall@pager"]);
      expect(back.reason).toMatch(/rollback of move 2/);
      expect(await m.getActive()).toBe("v1");
      expect((await m.history({ alias: "active" })).map((e) => e.to)).toEqual(["v1", "v2", "v1"]);
    });

    test("an altered history entry breaks the chain and is reported, not shown", async () => {
      const m = registry.model("chain");
      for (const t of ["a", "b"]) await m.save(sampleArtifacts(t));
      await m.setAlias("champion", "v1");
      await m.setAlias("champion", "v2");
      const [first] = await m.history({ alias: "champion" });
      await opened.tamperHistory(
        "chain",
        "champion",
        1,
        JSON.stringify({ ...first, who: "mallory" }),
      );
      await expect(m.history({ alias: "champion" })).rejects.toMatchObject({
        code: "HISTORY_CORRUPT",
        message: expect.stringMatching(/entry 1: altered/),
      });
      await expect(m.rollback({ alias: "champion" })).rejects.toMatchObject({
        code: "HISTORY_CORRUPT",
      });
    });

    test("extra artifacts are stored, hashed and verified with the version", async () => {
      const m = registry.model("extras");
      await m.save({ ...sampleArtifacts("a"), files: { "evaluation.json": { dm: 0.5 } } });
      expect((await m.load("v1")).files).toEqual({ "evaluation.json": { dm: 0.5 } });
      await opened.tamper("extras", "v1", "evaluation.json", '{"dm": 0.01}\n');
      // A reader that asks for none of the extras neither reads nor verifies them.
      expect((await m.load("v1", { files: [] })).files).toEqual({});
      await expect(m.load("v1", { files: ["evaluation.json"] })).rejects.toMatchObject({
        code: "MODEL_CORRUPT",
      });
      await expect(m.load("v1")).rejects.toMatchObject({
        code: "MODEL_CORRUPT",
        file: "evaluation.json",
      });
      await expect(
        m.save({ ...sampleArtifacts("b"), files: { "../x.json": {} } }),
      ).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    });

    test("list does not re-read unchanged versions, and sees a change", async () => {
      const { backend, calls } = counting(openBackend(opened.location));
      const m = registryOver(backend).model("cached");
      for (const t of ["a", "b", "c"]) await m.save(sampleArtifacts(t));
      await m.list();
      calls.clear();
      expect((await m.list()).map((e) => e.status)).toEqual(["ok", "ok", "ok"]);
      expect(calls.get("readVersion") ?? 0).toBe(0);
      await opened.tamper("cached", "v2", "model.json", "{}\n");
      const after = await m.list();
      expect(after.map((e) => e.status)).toEqual(["ok", "corrupt", "ok"]);
      expect(calls.get("readVersion")).toBe(1);
    });

    test("hostile model and alias names are rejected before any store access", async () => {
      const { backend, calls } = counting(openBackend(opened.location));
      const r = registryOver(backend);
      const hostile = [
        "",
        "..",
        "../x",
        "a/b",
        "%2e%2e%2f",
        "A",
        "-x",
        "x".repeat(65),
        "a\0b",
        "__proto__",
      ];
      for (const name of hostile) {
        expect(() => r.model(name), JSON.stringify(name)).toThrow(
          expect.objectContaining({ code: "INVALID_NAME" }),
        );
        await expect(r.model().setAlias(name, "v1")).rejects.toMatchObject({
          code: "INVALID_NAME",
        });
        await expect(r.model().history({ alias: name })).rejects.toMatchObject({
          code: "INVALID_NAME",
        });
      }
      for (const ref of ["../v1", "v01", "v1/../x", "%2e%2e", "x".repeat(65)]) {
        await expect(r.model().load(ref), ref).rejects.toMatchObject({ code: "INVALID_VERSION" });
      }
      await expect(r.model().setAlias("v2", "v1")).rejects.toMatchObject({ code: "INVALID_NAME" });
      expect([...calls.keys()]).toEqual([]);
    });
  });
}
