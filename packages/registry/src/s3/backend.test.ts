import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { describe, expect, it } from "vitest";
import { isRegistryError } from "../errors";
import { MOTO_CREDENTIALS } from "../testing";
import { createS3Backend } from "./backend";
import { sha256Hex } from "./manifest";
import { bytes, SKIP_MOTO, text, useMotoBucket, versionFiles } from "./moto-fixture";

describe.skipIf(SKIP_MOTO)("the S3 backend on moto: versions", () => {
  const s3 = useMotoBucket("versions");

  it("names itself s3://bucket/prefix and kind s3", () => {
    const backend = s3.backend({ prefix: "/team/models/" });
    expect(backend.kind).toBe("s3");
    expect(backend.location).toBe(`s3://${s3.bucket}/team/models`);
    expect(s3.backend().location).toBe(`s3://${s3.bucket}`);
  });

  it("commits exactly one of eight concurrent writers of v1, and the manifest is the winner's", async () => {
    const backend = s3.backend({ prefix: "race" });
    const contents = Array.from({ length: 8 }, (_, i) => versionFiles("v1", `writer-${i}`));
    const results = await Promise.all(contents.map((f) => backend.createVersion("m", "v1", f)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = contents[results.indexOf(true)]!;
    const stored = await backend.readVersion("m", "v1");
    expect(stored).not.toBeNull();
    const metadata = await stored!.read("metadata.json");
    expect(metadata).toEqual({ kind: "ok", data: winner.get("metadata.json") });
    const model = await stored!.read("model.json");
    expect(model).toEqual({ kind: "ok", data: winner.get("model.json") });
  });

  it("resolves false, changing nothing, when the version already exists", async () => {
    const backend = s3.backend({ prefix: "exists" });
    expect(await backend.createVersion("m", "v1", versionFiles("v1", "first"))).toBe(true);
    expect(await backend.createVersion("m", "v1", versionFiles("v1", "second"))).toBe(false);
    const stored = await backend.readVersion("m", "v1");
    const meta = await stored!.read("metadata.json");
    expect(meta.kind === "ok" && JSON.parse(text(meta.data)).tag).toBe("first");
  });

  it("reads every file back; an unlisted file, a missing blob and a non-JSON manifest read as missing", async () => {
    const backend = s3.backend({ prefix: "reads" });
    const files = versionFiles("v1", "reads");
    await backend.createVersion("m", "v1", files);
    const stored = (await backend.readVersion("m", "v1"))!;
    for (const [file, data] of files) expect(await stored.read(file)).toEqual({ kind: "ok", data });
    expect(await stored.read("dataset_summary.json")).toEqual({ kind: "missing" });

    await s3.remove(`reads/blobs/sha256/${sha256Hex(files.get("model.json")!)}`);
    expect(await stored.read("model.json")).toEqual({ kind: "missing" });

    await s3.put("reads/models/m/versions/v2.json", "{not json");
    const broken = (await backend.readVersion("m", "v2"))!;
    expect(await broken.read("metadata.json")).toEqual({ kind: "ok", data: bytes("{not json") });
    expect(await broken.read("model.json")).toEqual({ kind: "missing" });
    expect(await backend.readVersion("m", "v3")).toBeNull();
  });

  it("stores a blob shared by two versions once", async () => {
    const backend = s3.backend({ prefix: "shared" });
    await backend.createVersion("m", "v1", versionFiles("v1", "a"));
    await backend.createVersion("m", "v2", versionFiles("v2", "b"));
    const listed = await s3.raw.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: "shared/blobs/" }),
    );
    // model.json differs (tag), feature_columns.json is the same bytes in both
    expect(listed.KeyCount).toBe(3);
  });

  it("refuses a file that metadata.json does not list with the sha256 of its bytes", async () => {
    const backend = s3.backend({ prefix: "refuse" });
    const files = versionFiles("v1", "x");
    files.set("model.json", bytes("tampered"));
    await expect(backend.createVersion("m", "v1", files)).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      file: "model.json",
    });
    const noMeta = new Map([["model.json", bytes("{}")]]);
    await expect(backend.createVersion("m", "v1", noMeta)).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    expect(await backend.listVersions("m")).toEqual([]);
  });

  it("removes a version so readers stop seeing it, and reports an absent one", async () => {
    const backend = s3.backend({ prefix: "remove" });
    await backend.createVersion("m", "v1", versionFiles("v1", "r"));
    const opened = (await backend.readVersion("m", "v1"))!;
    expect(await opened.stillExists()).toBe(true);
    expect(await backend.removeVersion("m", "v1")).toBe(true);
    expect(await backend.removeVersion("m", "v1")).toBe(false);
    expect(await backend.readVersion("m", "v1")).toBeNull();
    expect(await opened.stillExists()).toBe(false);
    // the name reused by another version is not the version that was opened
    await backend.createVersion("m", "v1", versionFiles("v1", "reused"));
    expect(await opened.stillExists()).toBe(false);
  });

  it("lists versions across pages with the ETags of their manifest and blobs, ignoring foreign keys", async () => {
    const backend = s3.backend({ prefix: "listv", listPageSize: 2 });
    for (const v of ["v1", "v2", "v3", "v10", "v11"]) {
      await backend.createVersion("m", v, versionFiles(v, v));
    }
    for (const key of ["notes.txt", "v01.json", "sub/v4.json", "v5.json.tmp", ".json"]) {
      await s3.put(`listv/models/m/versions/${key}`, "{}");
    }
    const page = await s3.raw.send(
      new ListObjectsV2Command({
        Bucket: s3.bucket,
        Prefix: "listv/models/m/versions/",
        MaxKeys: 2,
      }),
    );
    expect(page.IsTruncated).toBe(true); // so the listing below really crossed pages
    const listed = await backend.listVersions("m");
    expect(listed.map((l) => l.version).sort()).toEqual(["v1", "v10", "v11", "v2", "v3"]);
    for (const l of listed) expect(l.tag).toMatch(/^"[0-9a-f]+"(\|("[0-9a-f]+"|missing))+$/);
    const before = listed.find((l) => l.version === "v2")!.tag;
    await backend.removeVersion("m", "v2");
    await backend.createVersion("m", "v2", versionFiles("v2", "changed"));
    const after = (await backend.listVersions("m")).find((l) => l.version === "v2")!.tag;
    expect(after).not.toBe(before);
    expect(await backend.listVersions("nothing-here")).toEqual([]);
  });

  it("lists models sorted across pages", async () => {
    const backend = s3.backend({ prefix: "listm", listPageSize: 2 });
    expect(await backend.listModels()).toEqual([]);
    for (const m of ["gamma", "alpha", "delta", "beta", "epsilon"]) {
      await backend.createVersion(m, "v1", versionFiles("v1", m));
    }
    await backend.swapAlias("zeta", "active", bytes("{}"), null);
    expect(await backend.listModels()).toEqual([
      "alpha",
      "beta",
      "delta",
      "epsilon",
      "gamma",
      "zeta",
    ]);
  });

  it("names the bucket when it does not exist", async () => {
    const backend = createS3Backend({
      bucket: "no-such-bucket-here",
      endpoint: s3.moto.endpoint,
      credentials: MOTO_CREDENTIALS,
    });
    const error = await backend.listModels().catch((e: unknown) => e);
    expect(isRegistryError(error, "REGISTRY_IO")).toBe(true);
    expect((error as Error).message).toBe(
      'model registry store s3://no-such-bucket-here: bucket "no-such-bucket-here" does not exist (NoSuchBucket)',
    );
  });
});
