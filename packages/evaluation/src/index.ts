/**
 * @module
 * Dependency-free statistics that say whether a forecast's edge over a naive baseline is real:
 * out-of-sample R², Diebold–Mariano, Clark–West, Pesaran–Timmermann, interval coverage tests
 * (Kupiec, Christoffersen, Winkler score), split-conformal quantiles and probability calibration.
 * Data the statistic cannot support returns `{ defined: false, reason }`, never NaN.
 */
export { binomialBand } from "./binomial-band";
export type { BinomialBand } from "./binomial-band";
export { calibrationBuckets } from "./calibration";
export type { Calibration, CalibrationBucket, CalibrationOptions } from "./calibration";
export { christoffersenIndependence } from "./christoffersen";
export type { ChristoffersenIndependence } from "./christoffersen";
export { clarkWest } from "./clark-west";
export type { ClarkWest } from "./clark-west";
export { splitConformalQuantile } from "./conformal";
export type { ConformalQuantile } from "./conformal";
export { DM_LOSSES, dieboldMariano } from "./diebold-mariano";
export type { DieboldMariano, DmLoss } from "./diebold-mariano";
export { EvaluationError, EvaluationErrorCode, isEvaluationError } from "./errors";
export type { EvaluationErrorOptions } from "./errors";
export { longRunVariance, neweyWestLag } from "./hac";
export type { Forecast } from "./input";
export { empiricalCoverage, intervalMisses, winklerScore } from "./interval";
export type { EmpiricalCoverage, WinklerScore } from "./interval";
export { kupiecPof } from "./kupiec";
export type { KupiecPof, MissSequence } from "./kupiec";
export { outOfSampleR2 } from "./oos-r2";
export type { OutOfSampleR2 } from "./oos-r2";
export { pesaranTimmermann } from "./pesaran-timmermann";
export type { PesaranTimmermann } from "./pesaran-timmermann";
export { isDefined, NotDefinedReason } from "./result";
export type { NotDefined, Outcome } from "./result";
export { regularizedIncompleteBeta } from "./special/beta";
export {
  binomialCdf,
  chiSquareSf,
  normalCdf,
  normalSf,
  studentTCdf,
  studentTSf,
} from "./special/distributions";
export { logGamma, regularizedGammaP, regularizedGammaQ } from "./special/gamma";
