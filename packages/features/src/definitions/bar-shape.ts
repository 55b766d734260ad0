import { batchFromKernel, type FeatureDefinition, statelessKernel } from "../definition";
import { WINDOW } from "../history";

/** `(high − low) / close`: the bar's range relative to its close. */
export const highLowRange: FeatureDefinition = {
  name: "high_low_range",
  summary: "(high − low) / close",
  inputs: ["high", "low", "close"],
  params: [],
  firstIndex: () => 0,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(highLowRange.createKernel(p), input, offset, into);
  },
  createKernel() {
    return statelessKernel((c, _o, h, l) => (h - l) / c);
  },
};

/** Close location value `((c − l) − (h − c)) / (h − l)` in [−1, 1]; 0 for a bar with h = l. */
export const closeLocationValue: FeatureDefinition = {
  name: "close_location_value",
  summary: "((close − low) − (high − close)) / (high − low), in [−1, 1]; 0 when high = low",
  inputs: ["high", "low", "close"],
  params: [],
  firstIndex: () => 0,
  history: () => WINDOW,
  batch(input, p, offset, into) {
    return batchFromKernel(closeLocationValue.createKernel(p), input, offset, into);
  },
  createKernel() {
    return statelessKernel((c, _o, h, l) => (h === l ? 0 : (c - l - (h - c)) / (h - l)));
  },
};
