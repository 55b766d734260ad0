/**
 * The stored alias pointer: `{ version, activated_at, move }`, where `move` is the history entry
 * of the move that wrote it. The pointer is the commit point of a move (a compare-and-swap);
 * the history entry is then appended, and re-appended from the pointer by the next writer or
 * reader if the mover died in between, so every applied move appears in the history once.
 * A pointer written by older code (`{ version, activated_at }`, no `move`) is read as a legacy
 * pointer with an empty history.
 * @module
 */
import type { StoredAlias } from "./backend";
import { RegistryError } from "./errors";
import { type HistoryEntry, parseEntry } from "./history";
import { parseJsonBytes, toJsonBytes } from "./json";
import { isVersionName } from "./version";

export type AliasState =
  | { readonly kind: "missing" }
  /** Present but unreadable: a move may replace it (the repair path), readers refuse it. */
  | { readonly kind: "corrupt"; readonly tag: string | null; readonly why: string }
  | {
      readonly kind: "ok";
      readonly tag: string;
      readonly version: string;
      readonly activatedAt: string | null;
      /** The move that wrote the pointer; null for a legacy pointer. */
      readonly move: HistoryEntry | null;
    };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a stored pointer into a state, never throwing for bad content. */
export function aliasState(stored: StoredAlias): AliasState {
  if (stored.kind === "missing") return { kind: "missing" };
  if (stored.kind === "invalid") {
    return { kind: "corrupt", tag: null, why: `is a ${stored.type}, not a regular file` };
  }
  const parsed = parseJsonBytes(stored.data);
  const value = parsed.ok && isRecord(parsed.value) ? parsed.value : null;
  if (!value || !isVersionName(value.version)) {
    return { kind: "corrupt", tag: stored.tag, why: 'is not valid (expected {"version": "vN"})' };
  }
  let move: HistoryEntry | null = null;
  if (value.move !== undefined) {
    move = parseEntry(value.move);
    if (!move || move.to !== value.version) {
      return { kind: "corrupt", tag: stored.tag, why: "records a move that is altered" };
    }
  }
  const activatedAt = typeof value.activated_at === "string" ? value.activated_at : null;
  return { kind: "ok", tag: stored.tag, version: value.version, activatedAt, move };
}

/** The pointer bytes for a move. */
export function aliasBytes(move: HistoryEntry): Uint8Array {
  return toJsonBytes({ version: move.to, activated_at: move.at, move }, "alias");
}

/** How an alias's pointer is named in messages (the legacy name for `active`). */
export const aliasFile = (alias: string) =>
  alias === "active" ? "active.json" : `aliases/${alias}.json`;

/** The corrupt-pointer error readers raise. */
export function corruptAlias(
  alias: string,
  file: string,
  why: string,
  model: string,
): RegistryError {
  const what = alias === "active" ? "active pointer" : `pointer of alias ${alias}`;
  return new RegistryError("MODEL_CORRUPT", `${what} ${file} ${why}`, {
    file,
    alias,
    model,
  });
}
