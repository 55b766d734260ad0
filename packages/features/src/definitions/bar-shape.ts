import { batchFromKernel, type FeatureDefinition, statelessKernel } from "../definition";
import { WINDOW } from "../history";
import type { FeatureName } from "../names";

/** A feature of the current bar's high, low and close alone, defined from the first row. */
function barShape(
  name: FeatureName,
  summary: string,
  value: (c: number, h: number, l: number) => number,
): FeatureDefinition {
  const def: FeatureDefinition = {
    name,
    summary,
    inputs: ["high", "low", "close"],
    params: [],
    firstIndex: () => 0,
    history: () => WINDOW,
    batch(input, p, offset, into) {
      return batchFromKernel(def.createKernel(p), input, offset, into);
    },
    createKernel() {
      return statelessKernel((c, _o, h, l) => value(c, h, l));
    },
  };
  return def;
}

/** `(high − low) / close`: the bar's range relative to its close. */
export const highLowRange = barShape(
  "high_low_range",
  "(high − low) / close",
  (c, h, l) => (h - l) / c,
);

/** Close location value `((c − l) − (h − c)) / (h − l)` in [−1, 1]; 0 for a bar with h = l. */
export const closeLocationValue = barShape(
  "close_location_value",
  "((close − low) − (high − close)) / (high − low), in [−1, 1]; 0 when high = low",
  (c, h, l) => (h === l ? 0 : (c - l - (h - c)) / (h - l)),
);
