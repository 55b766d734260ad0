/**
 * Helpers shared by this package's tests (not exported from the package).
 * @module
 */
import { isTrainerError } from "./errors";

/** The code of the TrainerError `fn` throws, a note when it throws something else, or undefined. */
export function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isTrainerError(e) ? e.code : `not a TrainerError: ${String(e)}`;
  }
  return undefined;
}
