/**
 * Moving an alias: a compare-and-swap of its pointer (the commit point), then the append of the
 * move to the alias history. Readers of the history first re-append the pointer's own move if
 * its writer died between the two steps, so an applied move is never missing from the history.
 * @module
 */
import { type AliasState, aliasBytes, aliasFile, aliasState, corruptAlias } from "./alias-record";
import type { RegistryBackend } from "./backend";
import { ioError, RegistryError } from "./errors";
import { entryBytes, type HistoryEntry, sealEntry, verifyChain } from "./history";
import { parseJsonBytes } from "./json";

export interface AliasContext {
  readonly backend: RegistryBackend;
  readonly model: string;
}

export interface MoveRequest {
  readonly alias: string;
  readonly to: string;
  readonly at: string;
  readonly who: string;
  readonly reason: string | null;
  /** Apply only if the alias still points here (null: only if it has no pointer). */
  readonly expect?: string | null;
}

/** Attempts for a move without `expect`: a lost race is retried, as the move names no precondition. */
const UNCONDITIONAL_ATTEMPTS = 8;

async function io<T>(action: string, ctx: AliasContext, alias: string, run: () => Promise<T>) {
  try {
    return await run();
  } catch (cause) {
    throw ioError(action, cause, { model: ctx.model, alias, file: aliasFile(alias) });
  }
}

/** The alias's pointer state (never throws for bad content). */
export async function readAliasState(ctx: AliasContext, alias: string): Promise<AliasState> {
  const stored = await io(`reading ${aliasFile(alias)}`, ctx, alias, () =>
    ctx.backend.readAlias(ctx.model, alias),
  );
  return aliasState(stored);
}

/**
 * The version an alias points at, or null when it has no pointer. Throws MODEL_CORRUPT for an
 * unreadable pointer.
 */
export async function aliasVersion(ctx: AliasContext, alias: string): Promise<string | null> {
  const state = await readAliasState(ctx, alias);
  if (state.kind === "missing") return null;
  if (state.kind === "corrupt") throw corruptAlias(alias, aliasFile(alias), state.why, ctx.model);
  return state.version;
}

/** Appends the pointer's own move to the history if its writer died before doing so. */
async function settle(ctx: AliasContext, alias: string, state: AliasState): Promise<void> {
  if (state.kind !== "ok" || state.move === null) return;
  const move = state.move;
  await io(`appending to the history of ${alias}`, ctx, alias, () =>
    ctx.backend.appendHistory(ctx.model, alias, move.seq, entryBytes(move)),
  );
}

/** The verified history of `alias`, oldest first. Throws HISTORY_CORRUPT for a broken chain. */
export async function readHistory(ctx: AliasContext, alias: string): Promise<HistoryEntry[]> {
  await settle(ctx, alias, await readAliasState(ctx, alias));
  const stored = await io(`reading the history of ${alias}`, ctx, alias, () =>
    ctx.backend.readHistory(ctx.model, alias),
  );
  return verifyChain(ctx.model, alias, stored);
}

/** The newest history entry, from the pointer when it records one, else from the stored history. */
async function head(ctx: AliasContext, alias: string, state: AliasState) {
  if (state.kind === "ok" && state.move !== null) return state.move;
  const history = await readHistory(ctx, alias);
  return history.at(-1) ?? null;
}

function conflict(ctx: AliasContext, alias: string, why: string): RegistryError {
  return new RegistryError(
    "ALIAS_CONFLICT",
    `alias ${alias} of model ${ctx.model} ${why}; nothing changed`,
    { model: ctx.model, alias },
  );
}

/**
 * Moves `alias` to `to` (already verified by the caller) and returns the history entry.
 * Throws ALIAS_CONFLICT when `expect` no longer holds, or when other writers keep winning.
 */
export async function moveAlias(ctx: AliasContext, req: MoveRequest): Promise<HistoryEntry> {
  const { alias } = req;
  const attempts = req.expect === undefined ? UNCONDITIONAL_ATTEMPTS : 1;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const state = await readAliasState(ctx, alias);
    await settle(ctx, alias, state);
    const current = state.kind === "ok" ? state.version : null;
    if (req.expect !== undefined && current !== req.expect) {
      throw conflict(
        ctx,
        alias,
        `points at ${current ?? "nothing"}, not ${req.expect ?? "nothing"} (moved by another writer)`,
      );
    }
    const last = await head(ctx, alias, state);
    const move = sealEntry({
      seq: (last?.seq ?? 0) + 1,
      alias,
      from: current,
      to: req.to,
      at: req.at,
      who: req.who,
      reason: req.reason,
      prev_hash: last?.hash ?? null,
    });
    const expectedTag = state.kind === "missing" ? null : state.tag;
    const swapped = await io(`writing ${aliasFile(alias)}`, ctx, alias, () =>
      ctx.backend.swapAlias(ctx.model, alias, aliasBytes(move), expectedTag),
    );
    if (!swapped) continue;
    const appended = await io(`appending to the history of ${alias}`, ctx, alias, () =>
      ctx.backend.appendHistory(ctx.model, alias, move.seq, entryBytes(move)),
    );
    if (!appended) await checkAppended(ctx, alias, move);
    return move;
  }
  throw conflict(ctx, alias, "was moved by another writer while this move was prepared (retry)");
}

/** Our seq was taken: only a settle of this very move may have written it. */
async function checkAppended(ctx: AliasContext, alias: string, move: HistoryEntry) {
  const stored = await ctx.backend.readHistory(ctx.model, alias);
  const mine = stored.find((s) => s.seq === move.seq);
  const parsed = mine ? parseJsonBytes(mine.data) : { ok: false as const };
  const same = parsed.ok && (parsed.value as { hash?: unknown }).hash === move.hash;
  if (!same) {
    throw new RegistryError(
      "HISTORY_CORRUPT",
      `history of alias ${alias} of model ${ctx.model} holds a foreign entry ${move.seq}`,
      { model: ctx.model, alias },
    );
  }
}

/** The entry a rollback undoes and the version it returns to. */
export async function rollbackTarget(
  ctx: AliasContext,
  alias: string,
): Promise<{ from: string; to: string; undoes: HistoryEntry }> {
  const state = await readAliasState(ctx, alias);
  if (state.kind === "missing") {
    throw new RegistryError("ALIAS_NOT_FOUND", `alias ${alias} of model ${ctx.model} is not set`, {
      model: ctx.model,
      alias,
    });
  }
  const history = await readHistory(ctx, alias);
  const last = history.at(-1);
  if (!last || last.from === null) {
    throw new RegistryError(
      "NO_PREVIOUS_VERSION",
      `alias ${alias} of model ${ctx.model} has no recorded previous version to roll back to`,
      { model: ctx.model, alias },
    );
  }
  return { from: last.to, to: last.from, undoes: last };
}
