import { computeInto, type FeatureSpec, isFeatureError, validateFeatureSpec } from "@mle/features";
import { DatasetError } from "./errors";
import type { OhlvColumns } from "./read-ohlcv";

/**
 * One symbol's feature columns in `spec.features` order; entry `t - offset` belongs to candle
 * `t` (`offset = warmupLength(spec)`). `close` is the close itself by definition, so it is read
 * in place from the (already validated) closes. Every other column is written by one
 * `computeInto` call into one block allocated for the symbol (a column is a view of it), with
 * the simple returns in the caller's `scratch`, reused across symbols: no per-column allocation.
 *
 * @throws DatasetError `INVALID_CANDLE` when the candles' low/open/close/high are out of order
 * (the `FeatureError` as `cause`)
 */
export function featureColumns(
  symbol: string,
  closes: Float64Array,
  ohlv: OhlvColumns,
  spec: FeatureSpec,
  offset: number,
  scratch: Float64Array,
): Float64Array[] {
  const computed = spec.columns.filter((c) => c.feature !== "close").map((c) => c.name);
  const length = closes.length - offset;
  const block = new Float64Array(computed.length * length);
  const out = computed.map((_, j) => block.subarray(j * length, (j + 1) * length));
  if (computed.length > 0) {
    try {
      // Without `close` the warm-up is unchanged (close needs none), so the offset is the same.
      computeInto(
        { close: closes, ...ohlv },
        validateFeatureSpec({ lookback: spec.lookback, features: computed }),
        out,
        { scratch },
      );
    } catch (e) {
      if (isFeatureError(e) && (e.code === "INVALID_CANDLE" || e.code === "INVALID_INPUT")) {
        throw new DatasetError("INVALID_CANDLE", `${symbol}: ${e.message}`, {
          symbol,
          ...(e.index === undefined ? {} : { index: e.index }),
          cause: e,
        });
      }
      throw e;
    }
  }
  let j = 0;
  return spec.columns.map(({ feature }) =>
    feature === "close" ? closes.subarray(offset) : out[j++]!,
  );
}
