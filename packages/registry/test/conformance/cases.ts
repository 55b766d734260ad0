/**
 * The backends the conformance suite runs against. Each case opens a fresh, empty registry and
 * knows how to damage what it stored the way an operator or an attacker could (rewrite an
 * artifact, delete it, rewrite a history entry).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { createS3Client } from "../../src/s3/client";
import { createLayout } from "../../src/s3/layout";
import { makeTempDir } from "../../src/test-support";
import { MOTO_CREDENTIALS, motoMissing, startMoto, uniqueBucket } from "../../src/testing";

export interface OpenedCase {
  readonly location: string;
  /** Overwrites the stored bytes of one artifact of a version. */
  tamper(model: string, version: string, file: string, data: string): Promise<void>;
  /** Deletes one artifact of a version. */
  remove(model: string, version: string, file: string): Promise<void>;
  /** Overwrites one stored alias-history entry. */
  tamperHistory(model: string, alias: string, seq: number, data: string): Promise<void>;
  cleanup(): Promise<void>;
}

export interface BackendCase {
  readonly name: string;
  /** Why the case cannot run here, or null. */
  missing(): Promise<string | null>;
  open(): Promise<OpenedCase>;
}

const modelDir = (root: string, model: string) =>
  model === "default" ? root : path.join(root, "models", model);

export const fsCase: BackendCase = {
  name: "filesystem",
  missing: async () => null,
  async open() {
    const dir = await makeTempDir();
    const root = path.join(dir, "models");
    return {
      location: root,
      tamper: (model, version, file, data) =>
        fs.writeFile(path.join(modelDir(root, model), version, file), data),
      remove: (model, version, file) => fs.rm(path.join(modelDir(root, model), version, file)),
      tamperHistory: (model, alias, seq, data) =>
        fs.writeFile(
          path.join(
            modelDir(root, model),
            "history",
            alias,
            `${String(seq).padStart(12, "0")}.json`,
          ),
          data,
        ),
      cleanup: () => fs.rm(dir, { recursive: true, force: true }),
    };
  },
};

const AWS_ENV = ["AWS_ENDPOINT_URL_S3", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"];

/**
 * S3 on a private moto server. The registry is opened from its `s3://` location alone, as users
 * do: the endpoint and credentials go through the standard AWS variables (inherited by the
 * worker processes), restored afterwards.
 */
export const s3Case: BackendCase = {
  name: "S3 (moto)",
  missing: async () => motoMissing(),
  async open() {
    const moto = await startMoto();
    if (moto === null) throw new Error("moto is missing");
    const bucket = uniqueBucket("conformance");
    await moto.createBucket(bucket);
    const saved = Object.fromEntries(AWS_ENV.map((k) => [k, process.env[k]]));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_S3: moto.endpoint,
      AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      AWS_REGION: "us-east-1",
    });
    const raw: S3Client = createS3Client({
      endpoint: moto.endpoint,
      credentials: MOTO_CREDENTIALS,
    });
    const keys = createLayout("registry");
    const put = (Key: string, Body: string) =>
      raw.send(new PutObjectCommand({ Bucket: bucket, Key, Body })).then(() => undefined);
    const manifest = async (model: string, version: string) => {
      const got = await raw.send(
        new GetObjectCommand({ Bucket: bucket, Key: keys.manifest(model, version) }),
      );
      return JSON.parse(
        await (got.Body as { transformToString(): Promise<string> }).transformToString(),
      ) as {
        artifacts: Record<string, { sha256: string }>;
      };
    };
    const blobOf = async (model: string, version: string, file: string) => {
      const digest = (await manifest(model, version)).artifacts[file];
      if (!digest) throw new Error(`${file} is not in the manifest`);
      return keys.blob(digest.sha256);
    };
    return {
      location: `s3://${bucket}/registry`,
      async tamper(model, version, file, data) {
        if (file === "metadata.json") return put(keys.manifest(model, version), data);
        await put(await blobOf(model, version, file), data);
      },
      async remove(model, version, file) {
        // The blob may be shared by content; unlisting the file from the manifest removes it from the version.
        const m = await manifest(model, version);
        delete m.artifacts[file];
        await put(keys.manifest(model, version), JSON.stringify(m));
      },
      tamperHistory: (model, alias, seq, data) => put(keys.historyEntry(model, alias, seq), data),
      async cleanup() {
        raw.destroy();
        for (const [k, v] of Object.entries(saved)) {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        }
        await moto.deleteBucket(bucket);
        await moto.stop();
      },
    };
  },
};

export const BACKEND_CASES: readonly BackendCase[] = [fsCase, s3Case];
