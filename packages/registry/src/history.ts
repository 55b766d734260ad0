/**
 * The alias history: one entry per move, append-only, hash-chained. Each entry carries the
 * SHA-256 of its own canonical content and the hash of the entry before it, so an altered,
 * removed or reordered entry breaks the chain and is reported (HISTORY_CORRUPT), never shown as
 * if it were true.
 * @module
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import type { StoredHistoryEntry } from "./backend";
import { RegistryError } from "./errors";
import { parseJsonBytes, toJsonBytes } from "./json";
import { isAliasName } from "./names";
import { isVersionName } from "./version";

/** One move of an alias, as stored and as returned. */
export interface HistoryEntry {
  /** 1 for an alias's first recorded move, then +1 per move. */
  readonly seq: number;
  readonly alias: string;
  /** The version the alias pointed at before; null for its first move. */
  readonly from: string | null;
  readonly to: string;
  /** ISO-8601 time of the move. */
  readonly at: string;
  /** Who moved it: `user@host` from the CLI, `api` from the HTTP API. */
  readonly who: string;
  readonly reason: string | null;
  /** Hash of the entry before (null for seq 1). */
  readonly prev_hash: string | null;
  /** SHA-256 (hex) of this entry's canonical JSON without `hash`. */
  readonly hash: string;
}

export type UnhashedEntry = Omit<HistoryEntry, "hash">;

const version = z.string().refine(isVersionName);
export const historyEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  alias: z.string().refine(isAliasName),
  from: version.nullable(),
  to: version,
  at: z.iso.datetime(),
  who: z.string().max(256),
  reason: z.string().max(1024).nullable(),
  prev_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Canonical bytes of an entry's content: keys in this fixed order, whatever order it came in. */
function canonical(e: UnhashedEntry): string {
  return JSON.stringify([e.seq, e.alias, e.from, e.to, e.at, e.who, e.reason, e.prev_hash]);
}

/**
 * Completes an entry with its hash.
 *
 * @example
 * ```ts
 * sealEntry({ seq: 1, alias: "active", from: null, to: "v1", at, who: "api", reason: null, prev_hash: null }).hash;
 * ```
 */
export function sealEntry(e: UnhashedEntry): HistoryEntry {
  const hash = createHash("sha256").update(canonical(e)).digest("hex");
  return {
    seq: e.seq,
    alias: e.alias,
    from: e.from,
    to: e.to,
    at: e.at,
    who: e.who,
    reason: e.reason,
    prev_hash: e.prev_hash,
    hash,
  };
}

export const entryBytes = (e: HistoryEntry) => toJsonBytes(e, "history entry");

/** Parses and checks one entry's own hash; null when it is not a valid sealed entry. */
export function parseEntry(value: unknown): HistoryEntry | null {
  const parsed = historyEntrySchema.safeParse(value);
  if (!parsed.success) return null;
  const e = parsed.data;
  return sealEntry(e).hash === e.hash ? e : null;
}

/**
 * Verifies stored entries as one chain (seq 1..n, each `prev_hash` the hash before) and returns
 * them oldest first. Throws HISTORY_CORRUPT naming the first bad entry.
 */
export function verifyChain(
  model: string,
  alias: string,
  stored: readonly StoredHistoryEntry[],
): HistoryEntry[] {
  const sorted = [...stored].sort((a, b) => a.seq - b.seq);
  const out: HistoryEntry[] = [];
  const fail = (seq: number, why: string) =>
    new RegistryError(
      "HISTORY_CORRUPT",
      `history of alias ${alias} of model ${model} is corrupt at entry ${seq}: ${why}`,
      { model, alias },
    );
  let prev: HistoryEntry | null = null;
  for (const s of sorted) {
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (s.seq !== expectedSeq) throw fail(expectedSeq, "missing");
    const raw = parseJsonBytes(s.data);
    const entry = raw.ok ? parseEntry(raw.value) : null;
    if (!entry || entry.seq !== s.seq || entry.alias !== alias) {
      throw fail(s.seq, "altered or not a valid entry");
    }
    if (entry.prev_hash !== (prev?.hash ?? null)) throw fail(s.seq, "out of chain");
    out.push(entry);
    prev = entry;
  }
  return out;
}
