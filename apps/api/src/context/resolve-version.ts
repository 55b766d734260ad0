import { NO_ACTIVE_MODEL_MESSAGE } from "@mle/inference";
import type { Registry } from "@mle/registry";
import { ApiError } from "../errors/api-error";

/**
 * The concrete `vN` a path's version names: a version, an alias, or `active`, which without an
 * active version is the API's NO_ACTIVE_MODEL (503) rather than an unknown alias.
 */
export async function resolveVersion(registry: Registry, version: string): Promise<string> {
  if (version !== "active") return registry.resolve(version);
  const active = await registry.getActive();
  if (active === null) throw new ApiError("NO_ACTIVE_MODEL", NO_ACTIVE_MODEL_MESSAGE);
  return active;
}
