/**
 * Names of the extra artifacts training stores with a version (registry v2's open artifact set)
 * that the API serves. The trainer owns the shapes; `version-files.test.ts` keeps the names in
 * step with it.
 * @module
 */

/** The trainer's `PREDICTIONS_FILE`: validation predictions and actuals, as columns. */
export const PREDICTIONS_FILE = "predictions.json";

/** The evaluation report: forecast-comparison tests, interval coverage, the verdict. */
export const EVALUATION_FILE = "evaluation.json";
