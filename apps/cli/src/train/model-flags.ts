import { describeRange, kindOf, type ParamSpec, TRAINABLE_KIND_NAMES } from "@mle/trainer";
import { type Command, InvalidArgumentError, Option } from "commander";
import { parseInteger, parseNumber } from "../util/parse-options";

/** One generated flag: `--n-trees <n>` for `model.n_trees`, with the kinds that take it. */
interface ModelFlag {
  readonly key: string;
  readonly flag: string;
  /** commander's camelCase attribute name of the option. */
  readonly attribute: string;
  readonly kinds: string[];
  readonly spec: ParamSpec;
}

/** Every hyperparameter of every trainable kind, one flag per distinct name, in table order. */
export function modelFlags(): ModelFlag[] {
  const byKey = new Map<string, ModelFlag>();
  for (const kind of TRAINABLE_KIND_NAMES) {
    const specs = kindOf(kind).params.specs as Record<string, ParamSpec>;
    for (const [key, spec] of Object.entries(specs)) {
      const existing = byKey.get(key);
      if (existing) {
        existing.kinds.push(kind);
        continue;
      }
      const flag = key.replaceAll("_", "-");
      const attribute = flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
      byKey.set(key, { key, flag, attribute, kinds: [kind], spec });
    }
  }
  return [...byKey.values()];
}

/**
 * Adds `--model`, `--set` and one flag per hyperparameter (generated from the trainer's kind
 * table, so a new kind's parameters appear here and in `--help` without CLI changes).
 */
export function addModelOptions(command: Command): Command {
  command.option(
    "--model <kind>",
    `model kind: ${TRAINABLE_KIND_NAMES.join(", ")} (overrides \`model.type\`; default ridge)`,
  );
  command.option(
    "--set <key=value>",
    "set a hyperparameter of the model kind, repeatable (overrides `model.<key>`)",
    parseSetting,
    {},
  );
  for (const f of modelFlags()) {
    const what = f.spec.type === "integer" ? "<n>" : "<x>";
    const text = `${f.kinds.join(", ")}: ${f.spec.summary}; ${describeRange(f.spec)}, default ${f.spec.default} (overrides \`model.${f.key}\`)`;
    command.addOption(
      new Option(`--${f.flag} ${what}`, text).argParser(
        f.spec.type === "integer" ? parseInteger : parseNumber,
      ),
    );
  }
  return command;
}

/** The hyperparameters given on the command line: kind flags, then `--set` entries. */
export function modelParamsFrom(opts: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of modelFlags()) {
    const v = opts[f.attribute];
    if (typeof v === "number") out[f.key] = v;
  }
  const set = opts.set;
  if (typeof set === "object" && set !== null) Object.assign(out, set);
  return out;
}

/** commander parser of `--set key=value` (a number value), collecting into one record. */
export function parseSetting(value: string, previous: Record<string, number>) {
  const match = /^(?:model\.)?([a-z][a-z0-9_]*)=(.+)$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError("expected key=value, e.g. n_trees=200.");
  return { ...previous, [match[1]!]: parseNumber(match[2]!) };
}
