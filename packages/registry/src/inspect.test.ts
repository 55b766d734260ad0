import fs from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { keyMetrics } from "./inspect";
import { registryPerTest, sampleArtifacts } from "./test-support";

const temp = registryPerTest();

beforeEach(async () => {
  await temp.registry.save(sampleArtifacts("good"), { activate: true });
  await temp.registry.save(sampleArtifacts("victim"));
});

async function expectCorrupt(file: string | undefined, problem: RegExp) {
  const entry = (await temp.registry.list()).find((e) => e.version === "v2");
  expect(entry?.status).toBe("corrupt");
  expect(entry?.problem).toMatch(problem);
  expect(entry && "metrics" in entry).toBe(false);
  const err = await temp.registry.load("v2").catch((e: unknown) => e);
  expect(err).toMatchObject({ code: "MODEL_CORRUPT", version: "v2", file });
  expect((err as Error).message).toMatch(problem);
  expect((err as Error).message).not.toContain(temp.base);
  await expect(temp.registry.activate("v2")).rejects.toMatchObject({ code: "MODEL_CORRUPT" });
  expect(await temp.registry.getActive()).toBe("v1");
  // the other version is untouched and still loads
  expect((await temp.registry.load("v1")).metadata.tag).toBe("good");
}

describe("integrity checks", () => {
  it("an altered artifact (same size) is corrupt, named, never loaded or activated", async () => {
    const p = path.join(temp.dir, "v2", "model.json");
    const text = await fs.readFile(p, "utf8");
    await fs.writeFile(p, text.replace("0.1", "0.9"));
    await expectCorrupt("model.json", /model\.json: sha256 does not match/);
  });

  it("a truncated artifact is corrupt with its size named", async () => {
    const p = path.join(temp.dir, "v2", "metrics.json");
    const data = await fs.readFile(p);
    await fs.writeFile(p, data.subarray(0, 10));
    await expectCorrupt("metrics.json", /metrics\.json: 10 bytes, metadata records \d+/);
  });

  it("a missing artifact is corrupt", async () => {
    await fs.rm(path.join(temp.dir, "v2", "dataset_summary.json"));
    await expectCorrupt("dataset_summary.json", /dataset_summary\.json: missing/);
  });

  it("a missing or unparsable metadata.json is corrupt", async () => {
    const p = path.join(temp.dir, "v2", "metadata.json");
    await fs.writeFile(p, '{"version": "v2"');
    await expectCorrupt("metadata.json", /metadata\.json: not valid JSON/);
    await fs.rm(p);
    await expectCorrupt("metadata.json", /metadata\.json: missing/);
  });

  it("metadata failing its schema is corrupt", async () => {
    const p = path.join(temp.dir, "v2", "metadata.json");
    const meta = JSON.parse(await fs.readFile(p, "utf8"));
    delete meta.artifacts["feature_columns.json"];
    await fs.writeFile(p, JSON.stringify(meta));
    await expectCorrupt(
      "metadata.json",
      /metadata\.json: invalid artifacts\.feature_columns\.json/,
    );
  });

  it("metadata recording another version (a copied folder) is corrupt", async () => {
    await fs.rm(path.join(temp.dir, "v2"), { recursive: true });
    await fs.cp(path.join(temp.dir, "v1"), path.join(temp.dir, "v2"), { recursive: true });
    await expectCorrupt("metadata.json", /records version "v1", not v2/);
  });

  it("an empty version folder is corrupt, not a crash", async () => {
    await fs.rm(path.join(temp.dir, "v2"), { recursive: true });
    await fs.mkdir(path.join(temp.dir, "v2"));
    await expectCorrupt("metadata.json", /metadata\.json: missing/);
  });

  it("an artifact that is a symlink is corrupt even when it points at identical bytes", async () => {
    const outside = path.join(temp.base, "outside-model.json");
    await fs.copyFile(path.join(temp.dir, "v2", "model.json"), outside);
    await fs.rm(path.join(temp.dir, "v2", "model.json"));
    await fs.symlink(outside, path.join(temp.dir, "v2", "model.json"));
    await expectCorrupt("model.json", /model\.json: is a symlink, not a regular file/);
  });

  it("a version folder that is a symlink is corrupt and not followed", async () => {
    await fs.rename(path.join(temp.dir, "v2"), path.join(temp.base, "elsewhere"));
    await fs.symlink(path.join(temp.base, "elsewhere"), path.join(temp.dir, "v2"));
    await expectCorrupt(undefined, /v2 is a symlink, not a folder/);
  });

  it("get still describes a corrupt version, with unverified contents withheld", async () => {
    await fs.writeFile(path.join(temp.dir, "v2", "feature_columns.json"), '["evil"]\n');
    const details = await temp.registry.get("v2");
    expect(details.status).toBe("corrupt");
    expect(details.problem).toMatch(/feature_columns\.json/);
    expect(details.featureColumns).toBeNull();
    expect(details.metadata?.tag).toBe("victim");
  });
});

describe("keyMetrics", () => {
  it("reads validation.model metrics and tolerates absence or wrong types", () => {
    expect(
      keyMetrics({ validation: { model: { rmse: 1, r2: "x", directional_accuracy: 0.5 } } }),
    ).toEqual({
      rmse: 1,
      r2: null,
      directional_accuracy: 0.5,
    });
    expect(keyMetrics({})).toBeUndefined();
    expect(keyMetrics(null)).toBeUndefined();
    expect(keyMetrics({ validation: [] })).toBeUndefined();
  });
});
