import type { CandleField } from "./candle";
import { FEATURE_DEFINITIONS } from "./feature-definitions";
import { type FeatureSpec, type FeatureSpecInput, validateFeatureSpec, warmupLength } from "./spec";

/** The candle fields the spec's columns read (always `close`). */
export function fieldsRead(spec: FeatureSpec): ReadonlySet<CandleField> {
  const fields = new Set<CandleField>(["close"]);
  for (const { feature } of spec.columns) {
    for (const f of FEATURE_DEFINITIONS[feature].inputs) fields.add(f);
  }
  return fields;
}

/** What a computation over a spec starts from: the batch functions and the stream alike. */
export interface SpecPlan {
  readonly spec: FeatureSpec;
  /** `fieldsRead(spec)`: what the input must hold and what is validated. */
  readonly fields: ReadonlySet<CandleField>;
  /** `warmupLength(spec)`: the first input index where every column is defined. */
  readonly offset: number;
}

/** Validates `spec` (a branded one as it is) and derives what every computation over it needs. */
export function planSpec(spec: FeatureSpecInput | FeatureSpec): SpecPlan {
  const valid = validateFeatureSpec(spec);
  return { spec: valid, fields: fieldsRead(valid), offset: warmupLength(valid) };
}
