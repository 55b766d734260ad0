/**
 * Maps registry failures onto the inference error codes the API exposes.
 * @module
 */
import { isRegistryError } from "@mle/registry";
import { InferenceError, isInferenceError, NO_ACTIVE_MODEL_MESSAGE } from "./errors";

/**
 * Converts an error raised while loading `version` into an {@link InferenceError}:
 * INVALID_VERSION, MODEL_NOT_FOUND, NO_ACTIVE_MODEL and REGISTRY_IO (the
 * registry's storage cannot be read) stay, every other registry failure (corrupt or missing
 * artifact) becomes MODEL_CORRUPT. The registry's
 * message names a version and a file, never a path, so it is safe to show.
 */
export function fromRegistryError(error: unknown, version: string | undefined): InferenceError {
  if (isInferenceError(error)) return error;
  const opts = { cause: error, ...(version === undefined ? {} : { version }) };
  if (isRegistryError(error)) {
    switch (error.code) {
      case "INVALID_VERSION":
        return new InferenceError(
          "INVALID_VERSION",
          `Model version ${version ?? "?"} is not a version name`,
          opts,
        );
      case "MODEL_NOT_FOUND":
        return new InferenceError(
          "MODEL_NOT_FOUND",
          `Model version ${version ?? "?"} does not exist`,
          opts,
        );
      case "ALIAS_NOT_FOUND":
        return new InferenceError(
          "ALIAS_NOT_FOUND",
          `Model alias ${version ?? "?"} is not set`,
          opts,
        );
      case "REGISTRY_UNAVAILABLE":
        return new InferenceError("REGISTRY_UNAVAILABLE", `Model registry: ${error.message}`, opts);
      case "NO_ACTIVE_MODEL":
        return new InferenceError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE, opts);
      case "REGISTRY_IO":
        return new InferenceError("REGISTRY_IO", `Model registry: ${error.message}`, opts);
      default:
        return new InferenceError(
          "MODEL_CORRUPT",
          `Model ${version ?? "registry"}: ${error.message}`,
          opts,
        );
    }
  }
  return new InferenceError(
    "MODEL_CORRUPT",
    `Model ${version ?? "registry"} could not be read`,
    opts,
  );
}
