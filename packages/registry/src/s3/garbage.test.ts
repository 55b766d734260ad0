import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { registryOver } from "../open-registry";
import { sampleArtifacts } from "../test-support";
import { sha256Hex } from "./manifest";
import { SKIP_MOTO, useMotoBucket, versionFiles } from "./moto-fixture";

describe.skipIf(SKIP_MOTO)("the S3 backend on moto: garbage collection of blobs", () => {
  const s3 = useMotoBucket("garbage");

  const blobKeys = async (prefix: string): Promise<string[]> => {
    const out = await s3.raw.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${prefix}/blobs/` }),
    );
    return (out.Contents ?? []).map((o) => o.Key!).sort();
  };
  const blobOf = (prefix: string, data: Uint8Array) => `${prefix}/blobs/sha256/${sha256Hex(data)}`;

  it("deletes the blobs only removed versions referenced, keeping shared ones and other models' ones", async () => {
    const backend = s3.backend({ prefix: "gc", blobGraceMs: 0 });
    const v1 = versionFiles("v1", "a");
    const v3 = versionFiles("v3", "only-v3");
    await backend.createVersion("m", "v1", v1);
    await backend.createVersion("m", "v2", versionFiles("v2", "b"));
    await backend.createVersion("other", "v1", versionFiles("v1", "a")); // same model.json as m/v1
    await backend.createVersion("m", "v3", v3);
    const before = await blobKeys("gc");
    expect(before).toHaveLength(4); // model.json a, b, only-v3 + the shared feature_columns.json

    await backend.removeVersion("m", "v1");
    await backend.removeVersion("m", "v3");
    const collected = await backend.collectGarbage!(Date.now());

    const onlyV3 = v3.get("model.json")!;
    expect(collected).toEqual({ objects: 1, bytes: onlyV3.byteLength });
    expect(await blobKeys("gc")).toEqual(before.filter((k) => k !== blobOf("gc", onlyV3)));
    // m/v1's model.json is other/v1's too: still there, and every remaining version reads whole
    expect(await blobKeys("gc")).toContain(blobOf("gc", v1.get("model.json")!));
    for (const [model, version] of [
      ["m", "v2"],
      ["other", "v1"],
    ] as const) {
      const stored = (await backend.readVersion(model, version))!;
      for (const file of ["model.json", "feature_columns.json"]) {
        expect((await stored.read(file)).kind).toBe("ok");
      }
    }
    expect(await backend.collectGarbage!(Date.now())).toEqual({ objects: 0, bytes: 0 });
  });

  it("spares an unreferenced blob written within the grace period", async () => {
    const backend = s3.backend({ prefix: "grace", blobGraceMs: 60_000 });
    const files = versionFiles("v1", "young");
    await backend.createVersion("m", "v1", files);
    await backend.removeVersion("m", "v1");
    expect(await backend.collectGarbage!(Date.now())).toEqual({ objects: 0, bytes: 0 });
    const key = blobOf("grace", files.get("model.json")!);
    await expect(
      s3.raw.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })),
    ).resolves.toBeDefined();
    // the same blob judged an hour later is collected
    const later = await backend.collectGarbage!(Date.now() + 3_600_000);
    expect(later.objects).toBe(2);
  });

  it("keeps every blob of versions committed while collections run", async () => {
    // Last-Modified has one-second resolution, so the grace period must be longer than a second
    // for a blob rewritten now to count as young; the recycled blobs are made older than it first.
    const graceMs = 2_500;
    const backend = s3.backend({ prefix: "race", blobGraceMs: graceMs });
    const rounds = 8;
    for (let round = 1; round <= rounds; round++) {
      await backend.createVersion(
        "old",
        `v${round}`,
        versionFiles(`v${round}`, `recycled-${round}`),
      );
      await backend.removeVersion("old", `v${round}`);
    }
    await new Promise((r) => setTimeout(r, graceMs + 1_500));
    // Each round stores a version whose blobs a removed version left behind, old enough to be
    // collected, while two collections run: the save's rewrite must keep them.
    for (let round = 1; round <= rounds; round++) {
      const files = versionFiles(`v${round}`, `recycled-${round}`);
      await Promise.all([
        backend.collectGarbage!(Date.now()),
        backend.createVersion("m", `v${round}`, files),
        backend.collectGarbage!(Date.now()),
      ]);
      const stored = (await backend.readVersion("m", `v${round}`))!;
      for (const [file, data] of files)
        expect(await stored.read(file)).toEqual({ kind: "ok", data });
    }
    // and what no version references any more is still collected once it is old
    await backend.removeVersion("m", "v1");
    await new Promise((r) => setTimeout(r, graceMs + 1_500));
    expect((await backend.collectGarbage!(Date.now())).objects).toBe(1);
  }, 30_000);

  it("runs after a registry prune: the pruned versions' blobs go, the kept ones load", async () => {
    const registry = registryOver(s3.backend({ prefix: "prune", blobGraceMs: 0 }));
    const model = registry.model("m");
    for (let i = 0; i < 4; i++) await model.save(sampleArtifacts(`p${i}`));
    await model.activate("v2");
    const before = await blobKeys("prune");
    expect(await model.prune({ keep: 1 })).toEqual(["v3", "v1"]);
    const after = await blobKeys("prune");
    expect(after.length).toBeLessThan(before.length);
    for (const version of ["v4", "v2"]) {
      const loaded = await model.load(version);
      expect(loaded.version).toBe(version);
    }
  });

  it("refuses a negative or NaN grace period; Infinity never collects", async () => {
    for (const blobGraceMs of [-1, Number.NaN]) {
      expect(() => s3.backend({ blobGraceMs })).toThrow(/blobGraceMs/);
    }
    const never = s3.backend({ prefix: "never", blobGraceMs: Number.POSITIVE_INFINITY });
    await never.createVersion("m", "v1", versionFiles("v1", "kept"));
    await never.removeVersion("m", "v1");
    expect(await never.collectGarbage!(Date.now() + 1e12)).toEqual({ objects: 0, bytes: 0 });
    expect(await blobKeys("never")).toHaveLength(2);
  });
});
