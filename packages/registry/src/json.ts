/**
 * Deterministic JSON bytes and their digests: keys in the order given, 2-space indent,
 * trailing newline, so the same artifacts always hash the same.
 * @module
 */
import { createHash } from "node:crypto";
import { RegistryError } from "./errors";
import type { ArtifactDigest } from "./types";

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Serialises `value` as deterministic JSON bytes; throws INVALID_ARGUMENT for values JSON cannot carry.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(toJsonBytes({ a: 1 }, "model")); // '{\n  "a": 1\n}\n'
 * ```
 */
export function toJsonBytes(value: unknown, what: string): Uint8Array {
  return encodeJson(value, what, 2);
}

/**
 * Deterministic compact JSON bytes (no indentation, trailing newline), for the extra artifacts:
 * long number arrays (validation predictions) take about a third less room than indented.
 *
 * @example
 * ```ts
 * new TextDecoder().decode(toCompactJsonBytes({ a: [1, 2] }, "x")); // '{"a":[1,2]}\n'
 * ```
 */
export function toCompactJsonBytes(value: unknown, what: string): Uint8Array {
  return encodeJson(value, what, undefined);
}

/** `JSON.stringify(value, null, indent)` + a newline as UTF-8; INVALID_ARGUMENT when it cannot. */
function encodeJson(value: unknown, what: string, indent: number | undefined): Uint8Array {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, null, indent);
  } catch (cause) {
    throw new RegistryError("INVALID_ARGUMENT", `${what} is not JSON-serialisable`, { cause });
  }
  if (text === undefined) {
    throw new RegistryError(
      "INVALID_ARGUMENT",
      `${what} is not JSON-serialisable (got ${typeof value})`,
    );
  }
  return encoder.encode(`${text}\n`);
}

/**
 * sha256 (hex) and size of some bytes.
 *
 * @example
 * ```ts
 * digest(new Uint8Array()).bytes; // 0
 * ```
 */
export function digest(data: Uint8Array): ArtifactDigest {
  return { sha256: createHash("sha256").update(data).digest("hex"), bytes: data.byteLength };
}

/** Parses UTF-8 JSON bytes; returns `{ ok: false }` instead of throwing. */
export function parseJsonBytes(data: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(data)) };
  } catch {
    return { ok: false };
  }
}
