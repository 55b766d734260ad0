import { computeFeatures, type FeatureSpec, validateFeatureSpec } from "@mle/features";

/**
 * One symbol's feature columns in `spec.features` order; entry `t - offset` belongs to candle
 * `t` (`offset = warmupLength(spec)`). `close` is the close itself by definition, so it is read
 * in place from the (already validated) closes rather than copied by `@mle/features`: one
 * n-sized allocation less per symbol. Every other column comes from one `computeFeatures` call,
 * whose columns do not depend on which other features are requested.
 */
export function featureColumns(
  closes: Float64Array,
  spec: FeatureSpec,
  offset: number,
): Float64Array[] {
  const computed = spec.columns.filter((c) => c.feature !== "close").map((c) => c.name);
  const table =
    computed.length > 0
      ? computeFeatures(
          closes,
          validateFeatureSpec({ lookback: spec.lookback, features: computed }),
        )
      : undefined;
  return spec.columns.map(({ name, feature }) => {
    if (feature === "close" || table === undefined) return closes.subarray(offset);
    // Without `close` the warm-up is unchanged (close needs none), so the shift is 0.
    return table.values[name]!.subarray(offset - table.offset);
  });
}
