/**
 * Shared set-up of this folder's moto tests (not exported): one private moto per test file, one
 * bucket per file, deleted with everything in it afterwards.
 * @module
 */
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll } from "vitest";
import type { RegistryBackend } from "../backend";
import {
  MOTO_CREDENTIALS,
  type MotoServer,
  motoMissing,
  startMoto,
  uniqueBucket,
} from "../testing";
import { createS3Backend, type S3BackendOptions } from "./backend";
import { createS3Client } from "./client";
import { sha256Hex } from "./manifest";

const missing = motoMissing();
/** True when the moto tests are skipped: moto is missing and this is not CI (where that fails). */
export const SKIP_MOTO = missing !== null && process.env.CI !== "true";
if (SKIP_MOTO) console.warn(`skipping the S3 backend tests: they need ${missing}`);

export interface MotoBucket {
  readonly moto: MotoServer;
  readonly bucket: string;
  backend(options?: Partial<S3BackendOptions>): RegistryBackend;
  /** A plain client on the same bucket, to tamper with objects behind the backend's back. */
  readonly raw: S3Client;
  put(key: string, body: string | Uint8Array): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Registers beforeAll/afterAll that start moto with a fresh bucket; call inside a describe. */
export function useMotoBucket(name: string): MotoBucket {
  let moto: MotoServer | null = null;
  let raw: S3Client | null = null;
  const bucket = uniqueBucket(name);
  beforeAll(async () => {
    moto = await startMoto();
    if (moto === null) throw new Error("moto is missing");
    await moto.createBucket(bucket);
    raw = createS3Client({ endpoint: moto.endpoint, credentials: MOTO_CREDENTIALS });
  }, 60_000);
  afterAll(async () => {
    raw?.destroy();
    if (moto === null) return;
    await moto.restore();
    await moto.deleteBucket(bucket);
    await moto.stop();
  }, 30_000);
  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error("moto is not running");
    return v;
  };
  return {
    get moto() {
      return need(moto);
    },
    bucket,
    get raw() {
      return need(raw);
    },
    backend: (options = {}) =>
      createS3Backend({
        bucket,
        endpoint: need(moto).endpoint,
        credentials: MOTO_CREDENTIALS,
        ...options,
      }),
    async put(key, body) {
      await need(raw).send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    async remove(key) {
      await need(raw).send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

const encoder = new TextEncoder();
export const bytes = (s: string): Uint8Array => encoder.encode(s);
export const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** The files of a version distinguishable by `tag`, with a metadata.json that lists them. */
export function versionFiles(
  version: string,
  tag: string,
  shared = "shared",
): Map<string, Uint8Array> {
  const artifacts = new Map<string, Uint8Array>([
    ["model.json", bytes(JSON.stringify({ coefficients: [1, 2], tag }))],
    ["feature_columns.json", bytes(JSON.stringify(["close", shared]))],
  ]);
  const listed = Object.fromEntries(
    [...artifacts].map(([f, d]) => [f, { sha256: sha256Hex(d), bytes: d.byteLength }]),
  );
  const metadata = { version, created_at: "2025-01-01T00:00:00.000Z", tag, artifacts: listed };
  return new Map([...artifacts, ["metadata.json", bytes(JSON.stringify(metadata))]]);
}
