import type { TrainableModelKind } from "../kind";
import { fitGbdt } from "./fit";
import { type GbdtParams, gbdtParams } from "./params";
import { parseGbdtBody } from "./parse";
import { flatten, forestModel } from "./predict";
import type { GbdtBody } from "./tree";

/** Gradient-boosted regression trees (histogram-based, squared loss), trained here in TypeScript. */
export const gbdtKind: TrainableModelKind<"gbdt", GbdtParams, GbdtBody> = {
  name: "gbdt",
  summary: "gradient-boosted regression trees (histogram-based, squared loss, seeded)",
  params: gbdtParams,
  fit: (design, range, params, ctx) => fitGbdt(design, range, params, ctx).body,
  parseBody: parseGbdtBody,
  load: (body) => forestModel(flatten(body.base_score, body.trees)),
};
