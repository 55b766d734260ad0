import type { FeatureDefinition } from "./definition";
import { close } from "./definitions/close";
import { ema } from "./definitions/ema";
import { logReturn } from "./definitions/log-return";
import { movingAverage } from "./definitions/moving-average";
import { rollingVolatility } from "./definitions/rolling-volatility";
import { rsi } from "./definitions/rsi";
import { simpleReturn } from "./definitions/simple-return";
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
});
