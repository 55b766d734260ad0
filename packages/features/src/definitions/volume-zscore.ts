import { zscoreOf } from "./zscore";

/** `(volume − mean) / sample std` of the last w volumes; exactly 0 when they are all equal. */
export const volumeZscore = zscoreOf(
  "volume",
  "volume_zscore",
  "(volume − rolling mean) / rolling sample std of the last w volumes; 0 when flat",
);
