import type { ModelKind } from "../kind";
import { defineParams } from "../params";
import type { XgboostBody } from "./body";
import { importXgboost } from "./import";
import { parseXgboostBody } from "./parse";
import { xgboostModel } from "./predict";

/** Nothing to set: an imported model's settings are what its file says (see `importXgboost`). */
const params = defineParams({});

/**
 * XGBoost models trained elsewhere (`reg:squarederror` gbtree, JSON format), served with
 * XGBoost's float32 arithmetic. Import only: no `fit`, so `train()` and `mle train --model`
 * do not offer it; `importFile` (`importXgboost`, behind `mle models import`) makes its body.
 */
export const xgboostKind: ModelKind<"xgboost", Record<string, never>, XgboostBody> = {
  name: "xgboost",
  summary:
    "XGBoost regression trees trained elsewhere, imported from XGBoost's JSON model (import only)",
  params,
  parseBody: parseXgboostBody,
  load: xgboostModel,
  importFile: importXgboost,
};
