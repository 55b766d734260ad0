/**
 * Helpers shared by this package's tests (not exported from the package): temp folders, a
 * registry per test, sample artifacts and store wrappers that fail or record calls.
 * @module
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { RegistryStore } from "./fs/store";
import { useTempRegistry } from "./testing/temp-registry";
import type { SaveArtifacts } from "./types";

/** A fresh empty folder under the OS temp dir; the registry goes in `<it>/models`. */
export async function makeTempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "mle-registry-test-"));
}

/**
 * Per test: a fresh temp folder (`temp.base`) and a registry (`temp.registry`) in its `models`
 * subfolder (`temp.dir`), which does not exist until the first save.
 */
export function registryPerTest(clock?: () => Date) {
  return useTempRegistry(
    { beforeEach, afterEach },
    { prefix: "mle-registry-test-", folder: "models", ...(clock ? { clock } : {}) },
  );
}

/** Artifacts shaped like the trainer's, distinguishable by `tag`. */
export function sampleArtifacts(tag: string, rmse = 0.01): SaveArtifacts {
  return {
    model: { format: "mle.ridge", format_version: 1, coefficients: [0.1, -0.2], intercept: 0, tag },
    metadata: { trainer: "test", tag },
    metrics: {
      validation: {
        model: { rmse, mae: rmse / 2, r2: 0.25, directional_accuracy: 0.55, n: 10 },
        baseline_zero: { rmse: 0.02, mae: 0.01, r2: 0, directional_accuracy: 0.5, n: 10 },
      },
    },
    featureColumns: ["close", "simple_return"],
    datasetSummary: { rows: 100, tag },
  };
}

const MUTATIONS = ["init", "createFolder", "write", "publish", "replace", "remove"] as const;
type Mutation = (typeof MUTATIONS)[number];

function errno(code: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(
    `${code}: simulated failure, write '/secret/abs/path'`,
  );
  e.code = code;
  return e;
}

/**
 * Wraps a store so the `failOnWrite`-th call of `write` (1-based) and every later one rejects
 * with `code`, like a disk that fills up mid-save.
 */
export function failingWrites(
  inner: RegistryStore,
  failOnWrite: number,
  code = "ENOSPC",
): RegistryStore {
  let writes = 0;
  return {
    ...inner,
    async write(folder, file, data) {
      writes += 1;
      if (writes >= failOnWrite) throw errno(code);
      return inner.write(folder, file, data);
    },
  };
}

/** Wraps a store so every mutating operation rejects with `code` (a read-only folder). */
export function readOnly(inner: RegistryStore, code = "EROFS"): RegistryStore {
  const out: RegistryStore = { ...inner };
  for (const m of MUTATIONS) {
    (out as unknown as Record<Mutation, () => Promise<never>>)[m] = async () => {
      throw errno(code);
    };
  }
  return out;
}

/** Wraps a store and records the name of every method called on it. */
export function recording(inner: RegistryStore): { store: RegistryStore; calls: string[] } {
  const calls: string[] = [];
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls };
}
