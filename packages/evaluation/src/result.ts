/** Why a statistic could not be computed from the data given. */
export const NotDefinedReason = {
  /** Fewer observations than the statistic needs. */
  TOO_SHORT: "TOO_SHORT",
  /** The quantity the statistic divides by is zero (e.g. identical losses on every row). */
  ZERO_VARIANCE: "ZERO_VARIANCE",
  /** A binary sequence (interval misses, forecast or outcome direction) never changes. */
  CONSTANT_SEQUENCE: "CONSTANT_SEQUENCE",
} as const;

export type NotDefinedReason = (typeof NotDefinedReason)[keyof typeof NotDefinedReason];

/**
 * The result of a statistic the data cannot support. It is a value, not an error and never a
 * NaN, so it survives `JSON.stringify` and a reader sees why the number is missing.
 */
export interface NotDefined {
  readonly defined: false;
  readonly reason: NotDefinedReason;
  /** One sentence for a person: what was missing. */
  readonly message: string;
  /** Observations the statistic was given. */
  readonly n: number;
}

/** A statistic's value, or why it has none. */
export type Outcome<T> = (T & { readonly defined: true }) | NotDefined;

export function notDefined(reason: NotDefinedReason, message: string, n: number): NotDefined {
  return { defined: false, reason, message, n };
}

/** Narrowing guard for {@link Outcome}. */
export function isDefined<T>(outcome: Outcome<T>): outcome is T & { readonly defined: true } {
  return outcome.defined;
}
