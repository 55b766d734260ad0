import { isInferenceError } from "@mle/inference";
import { isMarketDataError } from "@mle/market-client";
import { isRegistryError } from "@mle/registry";

/** A recognised library error: its code and message, before mapping to HTTP. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
}

/**
 * The library guards whose errors `onError` maps by `code`; a library whose errors reach
 * the API adds its guard here.
 */
export const DOMAIN_ERROR_GUARDS: ReadonlyArray<(e: unknown) => boolean> = [
  isMarketDataError,
  isRegistryError,
  isInferenceError,
];

/** Returns the code and message of a known library error, or undefined for anything else. */
export function asDomainError(
  e: unknown,
  guards: ReadonlyArray<(e: unknown) => boolean> = DOMAIN_ERROR_GUARDS,
): DomainError | undefined {
  if (!(e instanceof Error) || !guards.some((guard) => guard(e))) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? { code, message: e.message } : undefined;
}
