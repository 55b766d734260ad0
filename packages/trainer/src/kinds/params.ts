import { z } from "zod";

/**
 * One hyperparameter: its type, documented range and default. The kind's zod schema, the CLI
 * flags, `mle train --help` and the README table are all generated from these, so a range is
 * written once.
 */
export interface ParamSpec {
  readonly type: "integer" | "number";
  readonly default: number;
  /** Lower bound; exclusive when `minExclusive`. */
  readonly min?: number;
  readonly minExclusive?: boolean;
  /** Upper bound, inclusive. */
  readonly max?: number;
  readonly summary: string;
}

/** A kind's hyperparameters: the spec table and the strict zod schema built from it. */
export interface ParamTable<P extends Record<string, number>> {
  readonly specs: { readonly [K in keyof P]: ParamSpec };
  /** One zod schema per key (with its default), for callers that compose their own object. */
  readonly fields: { readonly [K in keyof P]: z.ZodType<number, number | undefined> };
  /** Strict object schema: unknown keys are errors, missing keys take their default. */
  readonly schema: z.ZodType<P, Partial<P>>;
}

/** "an integer >= 1 and <= 10000", for messages and help texts. */
export function describeRange(spec: ParamSpec): string {
  const what = spec.type === "integer" ? "an integer" : "a number";
  const bounds: string[] = [];
  if (spec.min !== undefined) bounds.push(`${spec.minExclusive ? ">" : ">="} ${spec.min}`);
  if (spec.max !== undefined) bounds.push(`<= ${spec.max}`);
  return bounds.length === 0 ? `a finite number` : `${what} ${bounds.join(" and ")}`;
}

function fieldSchema(spec: ParamSpec) {
  const expected = { error: `expected ${describeRange(spec)}` };
  let s = z.number(expected).refine(Number.isFinite, expected);
  if (spec.type === "integer") s = s.refine(Number.isInteger, expected);
  const { min, max } = spec;
  if (min !== undefined) {
    s = s.refine((v) => (spec.minExclusive ? v > min : v >= min), expected);
  }
  if (max !== undefined) s = s.refine((v) => v <= max, expected);
  return s.default(spec.default);
}

/**
 * Builds a {@link ParamTable} from specs.
 *
 * @example
 * ```ts
 * const params = defineParams({ alpha: { type: "number", default: 1, min: 0, summary: "L2 penalty" } });
 * params.schema.parse({}); // { alpha: 1 }
 * ```
 */
export function defineParams<const S extends Record<string, ParamSpec>>(
  specs: S,
): ParamTable<{ [K in keyof S]: number }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(specs)) shape[name] = fieldSchema(spec);
  const schema = z.strictObject(shape) as unknown as z.ZodType<
    { [K in keyof S]: number },
    Partial<{ [K in keyof S]: number }>
  >;
  return { specs, fields: shape as never, schema };
}

/** The defaults of a table, in declaration order. */
export function paramDefaults<P extends Record<string, number>>(table: ParamTable<P>): P {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries<ParamSpec>(table.specs)) out[name] = spec.default;
  return out as P;
}
