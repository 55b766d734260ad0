/**
 * One progress line for a trainer event, or undefined for events not worth a line.
 *
 * @example
 * describeTrainProgress({ stage: "fold", index: 0, folds: 5 }); // "CV fold 1/5"
 */
export function describeTrainProgress(event: unknown): string | undefined {
  if (typeof event !== "object" || event === null) return undefined;
  const e = event as Record<string, unknown>;
  if (typeof e.index === "number" && typeof e.folds === "number") {
    return `CV fold ${e.index + 1}/${e.folds}`;
  }
  if (typeof e.stage === "string") return e.stage;
  return undefined;
}
