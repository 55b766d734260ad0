/**
 * The S3 registry backend: content-addressed blobs, a version manifest created with
 * `If-None-Match: *` (the commit point), aliases moved with `If-Match: <etag>`. Layout and
 * guarantees: `layout.ts`. Works with AWS S3 and S3-compatible stores that honour conditional
 * writes (MinIO, moto, Ceph RGW recent enough).
 * @module
 */
import type { S3Client } from "@aws-sdk/client-s3";
import type { CollectedGarbage, RegistryBackend, StoredVersion } from "../backend";
import { DEFAULT_BLOB_GRACE_MS } from "../constants";
import { RegistryError } from "../errors";
import { isVersionName } from "../version";
import { createS3Client, type S3ClientOptions } from "./client";
import { createLayout, historySeq, isHistorySeq, jsonEntryName } from "./layout";
import { mapLimit } from "./limit";
import { checkBucket, formatS3Location, normalisePrefix } from "./location";
import { listedDigest, listedDigests, MANIFEST_FILE, planVersion } from "./manifest";
import { ObjectStore } from "./objects";

export type { S3Location } from "./location";
export { parseS3Location } from "./location";

/** Calls in flight at once when one operation touches many objects (blob uploads, history reads). */
const CONCURRENCY = 8;

export interface S3BackendOptions extends S3ClientOptions {
  readonly bucket: string;
  /** Key prefix of the registry inside the bucket; default the bucket root. */
  readonly prefix?: string;
  /** A ready client; then `endpoint`, `region`, `forcePathStyle`, `requestTimeoutMs` and `credentials` are ignored. */
  readonly client?: S3Client;
  /** MaxKeys of each listing page (default S3's 1000); for tests of pagination. */
  readonly listPageSize?: number;
  /**
   * `collectGarbage` (run by `prune`) deletes an unreferenced blob only when it was last written
   * longer ago than this (default `DEFAULT_BLOB_GRACE_MS`, one hour; `Infinity`: never).
   */
  readonly blobGraceMs?: number;
}

/**
 * A registry backend on an S3 bucket.
 *
 * @example
 * ```ts
 * const { bucket, prefix } = parseS3Location("s3://ml-models/prod");
 * const backend = createS3Backend({ bucket, prefix }); // region, endpoint, credentials from AWS_* env
 * backend.location; // "s3://ml-models/prod"
 * ```
 * @throws RegistryError `INVALID_ARGUMENT` for a bad bucket name or prefix.
 */
export function createS3Backend(options: S3BackendOptions): RegistryBackend {
  checkBucket(options.bucket);
  const prefix = normalisePrefix(options.prefix ?? "");
  const location = formatS3Location({ bucket: options.bucket, prefix });
  const store = new ObjectStore({
    client: options.client ?? createS3Client(options),
    bucket: options.bucket,
    context: { location, bucket: options.bucket },
    ...(options.listPageSize === undefined ? {} : { pageSize: options.listPageSize }),
  });
  const keys = createLayout(prefix);
  const blobGraceMs = options.blobGraceMs ?? DEFAULT_BLOB_GRACE_MS;
  if (!(typeof blobGraceMs === "number" && blobGraceMs >= 0)) {
    throw new RegistryError(
      "INVALID_ARGUMENT",
      `blobGraceMs must be a number of milliseconds >= 0, or Infinity to never collect (got ${blobGraceMs})`,
    );
  }

  /** Blob digests listed by each manifest, by the manifest's ETag (manifests never change in place). */
  const manifestDigests = new Map<string, string[]>();
  async function digestsOf(key: string, etag: string): Promise<string[]> {
    const known = manifestDigests.get(`${key}@${etag}`);
    if (known) return known;
    const got = await store.get(key, "reading a version manifest");
    const digests = got === null ? [] : listedDigests(got.data);
    if (manifestDigests.size > 100_000) manifestDigests.clear();
    manifestDigests.set(`${key}@${etag}`, digests);
    return digests;
  }

  /** The model names under `P/models/`, sorted (the common prefixes of one delimited listing). */
  async function modelNames(action: string): Promise<string[]> {
    const root = keys.modelsRoot();
    const { prefixes } = await store.list(root, action, "/");
    return prefixes
      .map((p) => p.slice(root.length, -1))
      .filter((n) => n !== "")
      .sort();
  }

  const openVersion = (key: string, manifest: Uint8Array, etag: string): StoredVersion => ({
    async read(file) {
      if (file === MANIFEST_FILE) return { kind: "ok", data: manifest };
      const sha256 = listedDigest(manifest, file);
      if (sha256 === null) return { kind: "missing" };
      const blob = await store.get(keys.blob(sha256), `reading ${file}`);
      return blob === null ? { kind: "missing" } : { kind: "ok", data: blob.data };
    },
    async stillExists() {
      // Another ETag means the version was removed and its name reused: not the one opened.
      const head = await store.head(key, "checking a version");
      return head !== null && head.etag === etag;
    },
  });

  return {
    kind: "s3",
    location,
    locateVersion: (model, version) => `s3://${options.bucket}/${keys.manifest(model, version)}`,

    listModels: () => modelNames("listing models"),

    async listVersions(model) {
      const dir = keys.versionsDir(model);
      const action = `listing the versions of ${model}`;
      const { objects } = await store.list(dir, action);
      const listed = objects.flatMap(({ key, etag }) => {
        const version = jsonEntryName(dir, key);
        return version !== null && isVersionName(version) ? [{ version, key, etag }] : [];
      });
      // The tag covers the blobs too (their ETags, from one listing), so a blob rewritten behind
      // the registry's back changes it; manifests are read once per ETag.
      const blobs = new Map(
        (await store.list(keys.blob(""), action)).objects.map((o) => [o.key, o.etag]),
      );
      return mapLimit(listed, CONCURRENCY, async ({ version, key, etag }) => {
        const digests = await digestsOf(key, etag);
        const blobTags = digests.map((sha) => blobs.get(keys.blob(sha)) ?? "missing");
        return { version, tag: [etag, ...blobTags].join("|") };
      });
    },

    async createVersion(model, version, files) {
      const { manifest, blobs } = planVersion(version, files);
      const manifestKey = keys.manifest(model, version);
      const action = `creating ${model}/${version}`;
      // A cheap early exit for a writer that already lost; the conditional put below decides.
      if ((await store.head(manifestKey, action)) !== null) return false;
      // Every blob is written, also one already stored: the write makes it young, and garbage
      // collection spares young blobs, so none this version is about to reference is deleted.
      const putBlob = ({ sha256, data }: { sha256: string; data: Uint8Array }) =>
        store.put(keys.blob(sha256), data, { kind: "always" }, action);
      await mapLimit(blobs, CONCURRENCY, putBlob);
      if (!(await store.put(manifestKey, manifest, { kind: "absent" }, action))) return false;
      // A collection that judged a blob by an older listing may still have deleted it between the
      // write and the commit: committed means every blob is there, so write any missing one again.
      await mapLimit(blobs, CONCURRENCY, async (blob) => {
        if ((await store.head(keys.blob(blob.sha256), action)) === null) await putBlob(blob);
      });
      return true;
    },

    async readVersion(model, version) {
      const key = keys.manifest(model, version);
      const got = await store.get(key, `reading ${model}/${version}`);
      return got === null ? null : openVersion(key, got.data, got.etag);
    },

    async removeVersion(model, version) {
      const key = keys.manifest(model, version);
      const action = `removing ${model}/${version}`;
      const head = await store.head(key, action);
      return head !== null && store.deleteIfMatch(key, head.etag, action);
    },

    async listAliases(model) {
      const dir = keys.aliasesDir(model);
      const { objects } = await store.list(dir, `listing the aliases of ${model}`);
      return objects
        .map(({ key }) => jsonEntryName(dir, key))
        .filter((n): n is string => n !== null)
        .sort();
    },

    async readAlias(model, alias) {
      const got = await store.get(keys.alias(model, alias), `reading alias ${alias}`);
      return got === null ? { kind: "missing" } : { kind: "ok", data: got.data, tag: got.etag };
    },

    async swapAlias(model, alias, data, expectedTag) {
      const condition =
        expectedTag === null
          ? ({ kind: "absent" } as const)
          : ({ kind: "match", etag: expectedTag } as const);
      return store.put(keys.alias(model, alias), data, condition, `moving alias ${alias}`);
    },

    async aliasStamp(model, alias) {
      const head = await store.head(keys.alias(model, alias), `checking alias ${alias}`);
      return head?.etag ?? null;
    },

    async appendHistory(model, alias, seq, data) {
      if (!isHistorySeq(seq)) {
        throw new RegistryError(
          "INVALID_ARGUMENT",
          `history sequence numbers are integers from 0 to 999999999999, not ${seq}`,
        );
      }
      const key = keys.historyEntry(model, alias, seq);
      return store.put(key, data, { kind: "absent" }, `recording the history of ${alias}`);
    },

    async collectGarbage(nowMs): Promise<CollectedGarbage> {
      const action = "collecting unreferenced blobs";
      const blobRoot = keys.blob("");
      // Blobs first, manifests second: a blob listed here and referenced by a manifest committed
      // after the listing below was rewritten by its writer, so the age check spares it.
      const candidates = (await store.list(blobRoot, action)).objects.filter(
        (o) => nowMs - o.lastModifiedMs >= blobGraceMs,
      );
      if (candidates.length === 0) return { objects: 0, bytes: 0 };
      const referenced = new Set<string>();
      for (const model of await modelNames(action)) {
        const dir = keys.versionsDir(model);
        const manifests = (await store.list(dir, action)).objects.filter((o) => {
          const name = jsonEntryName(dir, o.key);
          return name !== null && isVersionName(name);
        });
        await mapLimit(manifests, CONCURRENCY, async ({ key, etag }) => {
          for (const sha of await digestsOf(key, etag)) referenced.add(sha);
        });
      }
      let objects = 0;
      let bytes = 0;
      await mapLimit(candidates, CONCURRENCY, async ({ key }) => {
        if (referenced.has(key.slice(blobRoot.length))) return;
        // Judged again just before the delete: a writer may have rewritten it since the listing.
        const head = await store.head(key, action);
        if (head === null || nowMs - head.lastModifiedMs < blobGraceMs) return;
        if (await store.deleteIfMatch(key, head.etag, action)) {
          objects++;
          bytes += head.size;
        }
      });
      return { objects, bytes };
    },

    async readHistory(model, alias) {
      const dir = keys.historyDir(model, alias);
      const action = `reading the history of ${alias}`;
      const { objects } = await store.list(dir, action);
      const entries = objects.flatMap(({ key }) => {
        const name = jsonEntryName(dir, key);
        const seq = name === null ? null : historySeq(name);
        return seq === null ? [] : [{ key, seq }];
      });
      const read = await mapLimit(entries, CONCURRENCY, async ({ key, seq }) => {
        const got = await store.get(key, action);
        return got === null ? null : { seq, data: got.data };
      });
      return read.filter((e) => e !== null);
    },
  };
}
