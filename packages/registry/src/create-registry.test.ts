import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACT_FILES } from "./constants";
import { createRegistry } from "./create-registry";
import { isRegistryError } from "./errors";
import { registryPerTest, sampleArtifacts } from "./test-support";

const clock = () => new Date("2025-01-02T03:04:05.000Z");
const temp = registryPerTest(clock);

describe("createRegistry save/list/get/load", () => {
  it("reports an empty registry when the folder does not exist yet", async () => {
    expect(await temp.registry.list()).toEqual([]);
    expect(await temp.registry.getActive()).toBeNull();
    expect(await temp.registry.activeStamp()).toBeNull();
    expect(await temp.registry.prune({ keep: 1 })).toEqual([]);
  });

  it("saves consecutive versions, each a folder with the five artifact files", async () => {
    const first = await temp.registry.save(sampleArtifacts("a"));
    const second = await temp.registry.save(sampleArtifacts("b"));
    expect([first.version, second.version]).toEqual(["v1", "v2"]);
    expect(second.path).toBe(path.join(temp.dir, "v2"));
    expect((await fs.readdir(second.path)).sort()).toEqual([...ARTIFACT_FILES].sort());
    expect((await fs.readdir(temp.dir)).sort()).toEqual(["v1", "v2"]);
  });

  it("adds version, created_at and the sha256 and size of the other four files to metadata.json", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    const meta = JSON.parse(await fs.readFile(path.join(temp.dir, "v1", "metadata.json"), "utf8"));
    expect(Object.keys(meta)).toEqual([
      "version",
      "created_at",
      "model_name",
      "registry_backend",
      "trainer",
      "tag",
      "artifacts",
    ]);
    expect(meta).toMatchObject({ model_name: "default", registry_backend: "fs" });
    expect(meta.version).toBe("v1");
    expect(meta.created_at).toBe("2025-01-02T03:04:05.000Z");
    const model = await fs.readFile(path.join(temp.dir, "v1", "model.json"));
    const { createHash } = await import("node:crypto");
    expect(meta.artifacts["model.json"]).toEqual({
      sha256: createHash("sha256").update(model).digest("hex"),
      bytes: model.byteLength,
    });
    expect(Object.keys(meta.artifacts)).toEqual([
      "model.json",
      "metrics.json",
      "feature_columns.json",
      "dataset_summary.json",
    ]);
  });

  it("overrides caller metadata keys the registry owns", async () => {
    const a = sampleArtifacts("a");
    await temp.registry.save({
      ...a,
      metadata: { version: "v99", created_at: "x", artifacts: 1, ok: true },
    });
    const loaded = await temp.registry.load("v1");
    expect(loaded.metadata.version).toBe("v1");
    expect(loaded.metadata.created_at).toBe("2025-01-02T03:04:05.000Z");
    expect(loaded.metadata.ok).toBe(true);
  });

  it("writes bit-identical files for the same artifacts and clock", async () => {
    const other = createRegistry({ dir: path.join(temp.base, "other"), clock });
    await temp.registry.save(sampleArtifacts("same"));
    await other.save(sampleArtifacts("same"));
    for (const f of ARTIFACT_FILES) {
      const a = await fs.readFile(path.join(temp.dir, "v1", f));
      const b = await fs.readFile(path.join(temp.base, "other", "v1", f));
      expect(a.equals(b), f).toBe(true);
      expect(a.toString("utf8").endsWith("}\n") || a.toString("utf8").endsWith("]\n")).toBe(true);
    }
  });

  it("loads exactly what was saved", async () => {
    const a = sampleArtifacts("a");
    await temp.registry.save(a);
    const loaded = await temp.registry.load("v1");
    expect(loaded.version).toBe("v1");
    expect(loaded.model).toEqual(a.model);
    expect(loaded.metrics).toEqual(a.metrics);
    expect(loaded.featureColumns).toEqual(a.featureColumns);
    expect(loaded.datasetSummary).toEqual(a.datasetSummary);
    expect(loaded.metadata.tag).toBe("a");
  });

  it("lists newest first by version number, with key validation metrics", async () => {
    for (let i = 1; i <= 11; i++) await temp.registry.save(sampleArtifacts(`m${i}`, i / 100));
    const list = await temp.registry.list();
    expect(list.map((e) => e.version)).toEqual(Array.from({ length: 11 }, (_, i) => `v${11 - i}`));
    expect(list[0]).toEqual({
      version: "v11",
      created_at: "2025-01-02T03:04:05.000Z",
      status: "ok",
      is_active: false,
      aliases: [],
      metrics: { rmse: 0.11, r2: 0.25, directional_accuracy: 0.55 },
    });
  });

  it("lists a version whose metrics.json lacks validation metrics without a metrics field", async () => {
    await temp.registry.save({ ...sampleArtifacts("a"), metrics: { note: "none" } });
    const [entry] = await temp.registry.list();
    expect(entry?.status).toBe("ok");
    expect(entry && "metrics" in entry).toBe(false);
  });

  it("ignores temporary folders and entries that are not version names", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    await fs.mkdir(path.join(temp.dir, ".tmp-save-1-abc"));
    await fs.writeFile(path.join(temp.dir, ".tmp-save-1-abc", "model.json"), "{");
    await fs.mkdir(path.join(temp.dir, "v01"));
    await fs.mkdir(path.join(temp.dir, "notes"));
    expect((await temp.registry.list()).map((e) => e.version)).toEqual(["v1"]);
    expect((await temp.registry.save(sampleArtifacts("b"))).version).toBe("v2");
  });

  it("get returns the entry with parsed contents and key metrics", async () => {
    await temp.registry.save(sampleArtifacts("a"), { activate: true });
    const details = await temp.registry.get("v1");
    expect(details.status).toBe("ok");
    expect(details.is_active).toBe(true);
    expect(details.key_metrics).toEqual({ rmse: 0.01, r2: 0.25, directional_accuracy: 0.55 });
    expect(details.metrics).toEqual(sampleArtifacts("a").metrics);
    expect(details.featureColumns).toEqual(["close", "simple_return"]);
    expect(details.metadata?.tag).toBe("a");
  });

  it("get and load of an unknown version throw MODEL_NOT_FOUND", async () => {
    await temp.registry.save(sampleArtifacts("a"));
    await expect(temp.registry.get("v2")).rejects.toMatchObject({ code: "MODEL_NOT_FOUND" });
    await expect(temp.registry.load("v2")).rejects.toSatisfy((e) =>
      isRegistryError(e, "MODEL_NOT_FOUND"),
    );
  });

  it("rejects artifacts that are not JSON-serialisable with INVALID_ARGUMENT and creates nothing", async () => {
    const bad = { ...sampleArtifacts("a"), model: { n: 1n } };
    await expect(temp.registry.save(bad)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    const notObject = {
      ...sampleArtifacts("a"),
      metadata: [] as unknown as Record<string, unknown>,
    };
    await expect(temp.registry.save(notObject)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    expect(await fs.readdir(temp.base)).toEqual([]);
  });
});
