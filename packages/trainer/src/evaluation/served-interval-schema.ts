import { z } from "zod";
import { TrainerError } from "../errors";
import { INTERVAL_LEVEL, type ServedInterval } from "./interval";
import { SCALE_FEATURE } from "./out-of-sample";
import { EVALUATION_FORMAT } from "./report";

/** File name of the evaluation report stored with every version. */
export const EVALUATION_FILE = "evaluation.json";

const count = z.number().int().min(0);
// Serving answers with `level: 0.9`; a report made for another level is not one it can serve.
const level = z.literal(INTERVAL_LEVEL);

const splitConformal = z.object({
  method: z.literal("split-conformal"),
  level,
  calibration_set: z.literal("walk_forward_test"),
  calibration_size: count.min(1),
  scale_feature: z.literal(SCALE_FEATURE).nullable(),
  rank: count.min(1),
  quantile: z.number().min(0),
});

const fallback = z.object({
  method: z.literal("validation-residual-quantiles"),
  level,
  calibration_size: count,
  reason: z.string(),
  lower_offset: z.number(),
  upper_offset: z.number(),
});

const evaluationInterval = z.object({
  format: z.literal(EVALUATION_FORMAT),
  format_version: z.number().int().min(1),
  interval: z.discriminatedUnion("method", [splitConformal, fallback]),
});

/**
 * The served-interval part of a stored `evaluation.json` (untrusted: read from a registry),
 * checked and copied: what serving needs to widen a prediction the way training measured.
 * Other parts of the report are not read.
 *
 * @example
 * ```ts
 * const interval = parseServedInterval(loaded.files["evaluation.json"]);
 * const [lo, hi] = intervalOffsets(interval, rollingVolatility);
 * ```
 * @throws TrainerError `INVALID_EVALUATION` whose `path` names the first field at fault.
 */
export function parseServedInterval(evaluation: unknown): ServedInterval {
  const parsed = evaluationInterval.safeParse(evaluation);
  if (parsed.success) return parsed.data.interval;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join(".") ?? "";
  throw new TrainerError(
    "INVALID_EVALUATION",
    `${EVALUATION_FILE} ${path || "(root)"}: ${issue?.message ?? "invalid"}`,
    { path, cause: parsed.error },
  );
}
