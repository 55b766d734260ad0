import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createSampleSource } from "@mle/market-client";
import { createRegistry } from "@mle/registry";
import { describe, expect, it } from "vitest";
import { errorCode, tempRegistryPerTest } from "../test/fixtures";
import { createPredictor } from "./predictor";

const temp = tempRegistryPerTest();

describe("registry failures", () => {
  it("reports a registry folder that cannot be read as REGISTRY_IO, not MODEL_CORRUPT", async () => {
    const file = join(temp.dir, "not-a-folder");
    await writeFile(file, "x");
    const registry = createRegistry({ dir: file });
    const predictor = createPredictor({ registry, source: createSampleSource({ seed: 7 }) });
    expect(await errorCode(predictor.predict("AAPL"))).toBe("REGISTRY_IO");
    expect(await predictor.readiness()).toMatchObject({ ready: false, code: "REGISTRY_IO" });
  });
});
