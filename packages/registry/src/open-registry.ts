/**
 * `openRegistry`: a registry of many models, opened from a location.
 * @module
 */
import { type BackendOptions, openBackend } from "./location";
import { createModelRegistry } from "./model-registry";
import { DEFAULT_MODEL, modelName } from "./names";
import { ioError } from "./errors";
import type { ModelRegistry, Registry, RegistryClockOptions } from "./types";
import type { RegistryBackend } from "./backend";

export interface OpenRegistryOptions extends RegistryClockOptions {
  readonly backend?: BackendOptions;
}

/**
 * Opens (lazily: nothing is read until the first call) the registry at `location`, a path,
 * `file://…` or `s3://bucket/prefix`.
 *
 * @example
 * ```ts
 * const registry = openRegistry("s3://ml-models/prod");
 * const champion = registry.model("btc-1m");
 * await champion.setAlias("champion", "v7", { reason: "beats v6 on DM" });
 * ```
 */
export function openRegistry(location: string, options: OpenRegistryOptions = {}): ModelRegistry {
  return registryOver(openBackend(location, options.backend), options);
}

/** A registry over a backend already built (a custom backend, or one wrapped by a test). */
export function registryOver(
  backend: RegistryBackend,
  options: RegistryClockOptions = {},
): ModelRegistry {
  const handles = new Map<string, Registry>();
  return {
    location: backend.location,
    backend: backend.kind,
    async models() {
      try {
        return await backend.listModels();
      } catch (cause) {
        throw ioError("listing models", cause);
      }
    },
    model(name = DEFAULT_MODEL) {
      const valid = modelName(name);
      let handle = handles.get(valid);
      if (!handle) {
        handle = createModelRegistry({ ...options, backend, model: valid });
        handles.set(valid, handle);
      }
      return handle;
    },
  };
}
