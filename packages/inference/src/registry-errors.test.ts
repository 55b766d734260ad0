import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isInferenceError } from "./errors";
import { createPredictor } from "./predictor";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "mle-inference-io-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isInferenceError(error)) return error.code;
    return (error as { code?: string }).code ?? String(error);
  }
  return "no error";
}

describe("registry failures", () => {
  it("reports a registry folder that cannot be read as REGISTRY_IO, not MODEL_CORRUPT", async () => {
    const file = join(dir, "not-a-folder");
    await writeFile(file, "x");
    const registry = createRegistry({ dir: file });
    const predictor = createPredictor({ registry, source: createSampleSource({ seed: 7 }) });
    expect(await codeOf(predictor.predict("AAPL"))).toBe("REGISTRY_IO");
    expect(await predictor.readiness()).toMatchObject({ ready: false, code: "REGISTRY_IO" });
  });
});
