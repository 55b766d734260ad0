/**
 * Version names. Checked by pattern before any filesystem access, so a hostile name
 * (`../x`, `v1/../../etc`, `%2e%2e%2f`, `/etc/passwd`, `v01`) never reaches a path.
 * @module
 */
import { RegistryError } from "./errors";

/** Version names as in the contract. {@link isVersionName} also caps the digits. */
export const VERSION_PATTERN = /^v[1-9][0-9]*$/;

/** Version numbers have at most this many digits (v999999999), so they stay exact integers. */
export const MAX_VERSION_DIGITS = 9;

/**
 * True when `name` is a valid version name: `v` + 1..9 digits, no leading zero.
 *
 * @example
 * ```ts
 * isVersionName("v12"); // true
 * isVersionName("v01"); // false
 * ```
 */
export function isVersionName(name: unknown): name is string {
  return (
    typeof name === "string" && name.length <= MAX_VERSION_DIGITS + 1 && VERSION_PATTERN.test(name)
  );
}

/**
 * Returns the number of a valid version name, or throws RegistryError INVALID_VERSION.
 *
 * @example
 * ```ts
 * versionNumber("v7"); // 7
 * ```
 */
export function versionNumber(name: unknown): number {
  if (!isVersionName(name)) {
    const shown = typeof name === "string" ? JSON.stringify(name.slice(0, 40)) : typeof name;
    throw new RegistryError(
      "INVALID_VERSION",
      `invalid version ${shown}: expected "v" followed by a positive number without leading zeros, e.g. "v3"`,
    );
  }
  return Number(name.slice(1));
}

/**
 * The version name of a number.
 *
 * @example
 * ```ts
 * versionName(3); // "v3"
 * ```
 */
export function versionName(n: number): string {
  const name = `v${n}`;
  if (!Number.isSafeInteger(n) || !isVersionName(name)) {
    throw new RegistryError("INVALID_VERSION", `version number ${n} is out of range`);
  }
  return name;
}
