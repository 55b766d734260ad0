/**
 * Model and alias names. Checked against one safe pattern before any store access, so a hostile
 * name (`../x`, `%2e%2e`, `a/b`, an overlong one) never reaches a path or an object key.
 * @module
 */
import { RegistryError } from "./errors";

/**
 * A model or alias name: 1–64 characters of lowercase letters, digits, `_` and `-`, starting with
 * a letter or digit. Alias names may not look like a version (`v3`): `?version=` takes either.
 */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The model trained and served when none is named. */
export const DEFAULT_MODEL = "default";

/** The alias the API serves when a request names no version. */
export const ACTIVE_ALIAS = "active";

const shown = (name: unknown) =>
  typeof name === "string" ? JSON.stringify(name.slice(0, 40)) : typeof name;

/**
 * True for a valid model name.
 *
 * @example
 * ```ts
 * isModelName("btc-1m"); // true
 * isModelName("../etc"); // false
 * ```
 */
export function isModelName(name: unknown): name is string {
  return typeof name === "string" && NAME_PATTERN.test(name);
}

/** True for a valid alias name (a safe name that is not a version name). */
export function isAliasName(name: unknown): name is string {
  return typeof name === "string" && NAME_PATTERN.test(name) && !/^v[0-9]+$/.test(name);
}

/** Returns `name` or throws INVALID_NAME. */
export function modelName(name: unknown): string {
  if (isModelName(name)) return name;
  throw new RegistryError(
    "INVALID_NAME",
    `model name ${shown(name)} is not valid (1-64 of a-z, 0-9, _ and -, starting with a letter or digit)`,
  );
}

/** Returns `name` or throws INVALID_NAME. */
export function aliasName(name: unknown): string {
  if (isAliasName(name)) return name;
  throw new RegistryError(
    "INVALID_NAME",
    `alias name ${shown(name)} is not valid (1-64 of a-z, 0-9, _ and -, starting with a letter or digit, and not a version name such as v3)`,
  );
}
