import type { FeatureDefinition } from "./definition";
import { atr } from "./definitions/atr";
import { closeLocationValue, highLowRange } from "./definitions/bar-shape";
import { close } from "./definitions/close";
import { ema } from "./definitions/ema";
import { logReturn } from "./definitions/log-return";
import { macd, macdHistogram, macdSignal } from "./definitions/macd";
import { movingAverage } from "./definitions/moving-average";
import {
  garmanKlassVolatility,
  parkinsonVolatility,
  rogersSatchellVolatility,
} from "./definitions/range-volatility";
import { rollingMaxDistance, rollingMinDistance } from "./definitions/rolling-extreme";
import { rollingVolatility } from "./definitions/rolling-volatility";
import { rsi } from "./definitions/rsi";
import { simpleReturn } from "./definitions/simple-return";
import { trueRangeFeature } from "./definitions/true-range";
import { volumeZscore } from "./definitions/volume-zscore";
import { vwap } from "./definitions/vwap";
import { yangZhangVolatility } from "./definitions/yang-zhang";
import { zscore } from "./definitions/zscore";
import type { FeatureName } from "./names";

/** The definition behind every feature name. Adding a feature: one definition file, one line here. */
export const FEATURE_DEFINITIONS: Readonly<Record<FeatureName, FeatureDefinition>> = Object.freeze({
  close,
  simple_return: simpleReturn,
  log_return: logReturn,
  moving_average: movingAverage,
  rolling_volatility: rollingVolatility,
  ema,
  rsi,
  zscore,
  true_range: trueRangeFeature,
  atr,
  parkinson_volatility: parkinsonVolatility,
  garman_klass_volatility: garmanKlassVolatility,
  rogers_satchell_volatility: rogersSatchellVolatility,
  yang_zhang_volatility: yangZhangVolatility,
  vwap,
  volume_zscore: volumeZscore,
  high_low_range: highLowRange,
  close_location_value: closeLocationValue,
  macd,
  macd_signal: macdSignal,
  macd_histogram: macdHistogram,
  rolling_min_distance: rollingMinDistance,
  rolling_max_distance: rollingMaxDistance,
});
