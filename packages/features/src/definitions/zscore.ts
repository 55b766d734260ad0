import { batchFromKernel, type FeatureDefinition, kernelOver } from "../definition";
import { WINDOW } from "../history";
import { RollingZscore } from "../kernels/rolling-variance";
import type { FeatureName } from "../names";
import { windowParam } from "../params";

/**
 * `(x[t] − mean) / sample std` of one candle field over its last w values (`RollingZscore`),
 * defined from input index `w − 1`; exactly 0 when the window is constant.
 */
export function zscoreOf(
  field: "close" | "volume",
  name: FeatureName,
  summary: string,
): FeatureDefinition {
  const def: FeatureDefinition = {
    name,
    summary,
    inputs: [field],
    params: [windowParam(`${field === "close" ? "closes" : "volumes"} in the window`)],
    firstIndex: (p) => p.window! - 1,
    history: () => WINDOW,
    batch(input, p, offset, into) {
      return batchFromKernel(def.createKernel(p), input, offset, into);
    },
    createKernel(p) {
      const z = new RollingZscore(p.window!);
      return kernelOver(z, field === "close" ? (c) => z.push(c) : (_c, _o, _h, _l, v) => z.push(v));
    },
  };
  return def;
}

/** `(close − mean) / sample std` of the last w closes; exactly 0 when the window is constant. */
export const zscore = zscoreOf(
  "close",
  "zscore",
  "(close - rolling mean) / rolling sample std of the last w closes; 0 when flat",
);
