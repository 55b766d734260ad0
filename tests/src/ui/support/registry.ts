/**
 * The registry the browser tests look at: model `default` with two trained versions that carry
 * predictions and an evaluation, one trained without them and one corrupted on purpose, and a
 * second model `btc`. Saved through the registry as `mle train` does, so every file is hashed.
 * @module
 */
import { appendFile } from "node:fs/promises";
import path from "node:path";
import { createSampleSource } from "@mle/market-client";
import { openRegistry } from "@mle/registry";
import { trainSample } from "@mle/trainer/testing";

const source = createSampleSource({ seed: 3 });

/** A small ridge model; `withFiles`: with predictions.json and evaluation.json as `mle train` saves. */
async function trained(alpha: number, withFiles: boolean) {
  const artifacts = await trainSample(source, {
    lookback: 8,
    candles: 260,
    alpha,
    evaluation: withFiles,
    predictions: withFiles,
  });
  return { ...artifacts, metadata: { ...artifacts.metadata, model_type: "ridge" } };
}

export interface UiRegistry {
  readonly dir: string;
  /** default: v1 (no predictions), v2 and v3 (predictions; v3 active), v4 corrupt. */
  readonly corrupt: string;
}

export async function buildUiRegistry(dir: string): Promise<UiRegistry> {
  const models = openRegistry(dir, { who: "fixture@ci" });
  const def = models.model();
  await def.save(await trained(1, false));
  await def.save(await trained(1, true), { activate: true });
  await def.save(await trained(0.05, true), { activate: true, reason: "smaller alpha" });
  const bad = await def.save(await trained(4, true));
  // Tampering after the save: model.json no longer matches its recorded sha256.
  await appendFile(path.join(bad.path, "model.json"), " ");
  await models.model("btc").save(await trained(2, true), { activate: true });
  return { dir, corrupt: bad.version };
}
