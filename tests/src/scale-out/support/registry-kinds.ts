/**
 * The registries a scale-out test runs on, as one table: a folder on this machine, and an
 * `s3://` bucket on a private moto server (behind its outage relay). Each kind says what is missing
 * to run it; under `CI=true` a missing part is an error, elsewhere the suite is skipped with it.
 * @module
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MOTO_CREDENTIALS, motoMissing, startMoto, uniqueBucket } from "@mle/registry/testing";

export interface OpenedRegistry {
  /** What `MODEL_REGISTRY_URI` and `--registry` take. */
  readonly location: string;
  /** The environment a replica, `mle` or `mle worker` needs to reach it (AWS_* on S3). */
  readonly env: Readonly<Record<string, string>>;
  /** MODEL_RELOAD_MS given to the replicas: the documented bound on serving a moved alias. */
  readonly reloadMs: number;
  /** A scratch folder for configs and logs, removed by `close`. */
  readonly dir: string;
  /** Makes the store unreachable (connections refused) and back; only where one can be simulated. */
  readonly outage?: { cutOff(): Promise<void>; restore(): Promise<void> };
  close(): Promise<void>;
}

export interface RegistryKind {
  readonly name: "fs" | "s3";
  readonly title: string;
  /** What is missing to run this kind, or null. */
  missing(): string | null;
  open(): Promise<OpenedRegistry>;
}

const scratch = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `mle-${name}-`));

const fsKind: RegistryKind = {
  name: "fs",
  title: "a folder registry",
  missing: () => null,
  async open() {
    const dir = scratch("scale-fs");
    return {
      location: path.join(dir, "models"),
      env: {},
      reloadMs: 250,
      dir,
      async close() {
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const s3Kind: RegistryKind = {
  name: "s3",
  title: "an s3:// registry on moto",
  missing: motoMissing,
  async open() {
    const moto = await startMoto();
    if (!moto) throw new Error(`moto is missing: ${motoMissing()}`);
    const bucket = uniqueBucket("scale");
    await moto.createBucket(bucket);
    const dir = scratch("scale-s3");
    return {
      location: `s3://${bucket}/prod`,
      env: {
        AWS_ENDPOINT_URL_S3: moto.endpoint,
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: MOTO_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: MOTO_CREDENTIALS.secretAccessKey,
      },
      reloadMs: 500,
      dir,
      outage: { cutOff: () => moto.cutOff("refuse"), restore: () => moto.restore() },
      async close() {
        await moto.restore();
        await moto.deleteBucket(bucket).catch(() => undefined);
        await moto.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** Every registry kind, folder first. */
export const REGISTRY_KINDS: readonly RegistryKind[] = [fsKind, s3Kind];

/**
 * What is missing for `kind` (plus `others`, e.g. nginx), or null. Throws under `CI=true`: a CI
 * run that silently skipped would pass for the wrong reason.
 */
export function missingFor(kind: RegistryKind, others: readonly (string | null)[] = []) {
  const missing = [kind.missing(), ...others].filter((m): m is string => m !== null);
  if (missing.length === 0) return null;
  const text = missing.join(" and ");
  if (process.env.CI === "true") throw new Error(`CI=true and ${text} is missing`);
  return text;
}
