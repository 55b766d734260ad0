import { type FeatureDefinition, type FeatureKernel, statelessKernel } from "../definition";
import { WINDOW } from "../history";

/** `close[t]`, defined from the first row. */
export const close: FeatureDefinition = {
  name: "close",
  summary: "the close itself",
  inputs: ["close"],
  params: [],
  firstIndex: () => 0,
  history: () => WINDOW,
  batch(input, _p, offset, into) {
    // A private copy of the input can be shared as a view; the caller's own array is copied.
    const view = input.closes.subarray(offset);
    if (into) {
      into.set(view);
      return into;
    }
    return input.ownsCloses ? view : view.slice();
  },
  createKernel(): FeatureKernel {
    return statelessKernel((x) => x);
  },
};
