/**
 * `createRegistry`: one model of a filesystem registry (the first registry's API, kept).
 * @module
 */
import { createFsBackend } from "./fs/fs-backend";
import { registryOver } from "./open-registry";
import type { Registry, RegistryOptions } from "./types";

/**
 * Opens (lazily; nothing is touched until the first call) model `options.model` (default
 * `default`) of the filesystem registry in `dir`.
 *
 * @example
 * ```ts
 * const registry = createRegistry({ dir: "artifacts/models" });
 * const { version } = await registry.save(
 *   { model, metadata: { symbols: ["AAPL"] }, metrics, featureColumns, datasetSummary },
 *   { activate: true },
 * );
 * const loaded = await registry.load(version); // sha256-verified artifacts
 * ```
 */
export function createRegistry(options: RegistryOptions): Registry {
  const { dir, store, model, ...rest } = options;
  const backend = createFsBackend(dir, store ? { store } : {});
  return registryOver(backend, rest).model(model);
}
