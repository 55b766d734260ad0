/**
 * The `mle train` flags that override one config key each, declared once: this table adds the
 * flags (with their help text and parser), names the config path each one writes, and
 * `applyOverrides` reads it. `Record<ConfigFlag, …>` makes a flag added to {@link TrainOverrides}
 * without an entry here a compile error, the way ky's `kyOptionKeys` does.
 * @module
 */
import { DEFAULT_FEATURES } from "@mle/features";
import { parseInteger, parseIntegerOrAuto, parseList, parseNumber } from "../util/parse-options";
import { CONFIG_DEFAULTS } from "./schema";

/** The overrides this table owns (the model kind, its hyperparameters and activation are not one key each). */
export type ConfigFlag =
  | "symbols"
  | "lookback"
  | "candles"
  | "features"
  | "validationFraction"
  | "folds"
  | "gap"
  | "seed"
  | "modelName";

export interface ConfigFlagSpec {
  /** commander's flag syntax. */
  readonly flags: string;
  /** Where in train.yaml the value goes (`["cv", "folds"]` is `cv.folds`). */
  readonly path: readonly [string] | readonly [string, string];
  readonly parse?: (value: string) => unknown;
  readonly help: string;
  /** Shown as the default in --help (the schema owns the value itself). */
  readonly shownDefault?: string | number;
  /** Extra words after "overrides `path`" (another source the flag also overrides). */
  readonly alsoOverrides?: string;
}

const d = CONFIG_DEFAULTS;

export const CONFIG_FLAGS: Readonly<Record<ConfigFlag, ConfigFlagSpec>> = {
  symbols: {
    flags: "--symbols <list>",
    path: ["symbols"],
    parse: parseList,
    help: "comma-separated symbols",
  },
  lookback: {
    flags: "--lookback <n>",
    path: ["lookback"],
    parse: parseInteger,
    help: "feature window",
    shownDefault: d.lookback,
  },
  candles: {
    flags: "--candles <n>",
    path: ["candles"],
    parse: parseInteger,
    help: "history per symbol",
    shownDefault: d.candles,
  },
  features: {
    flags: "--features <list>",
    path: ["features"],
    parse: parseList,
    help: "comma-separated feature columns",
    shownDefault: DEFAULT_FEATURES.join(","),
  },
  validationFraction: {
    flags: "--validation-fraction <x>",
    path: ["split", "validation_fraction"],
    parse: parseNumber,
    help: "share of rows held out, 0 < x < 1",
    shownDefault: d.validationFraction,
  },
  folds: {
    flags: "--folds <n>",
    path: ["cv", "folds"],
    parse: parseInteger,
    help: "walk-forward CV folds >= 2",
    shownDefault: d.folds,
  },
  gap: {
    flags: "--gap <n>",
    path: ["cv", "gap"],
    parse: parseIntegerOrAuto,
    help: "time steps embargoed between each fold's train and test rows, or auto = the features' largest history + 1",
    shownDefault: d.gap,
  },
  seed: {
    flags: "--seed <n>",
    path: ["seed"],
    parse: parseInteger,
    help: "sample source seed",
    alsoOverrides: "and MARKET_DATA_SEED",
    shownDefault: d.seed,
  },
  modelName: {
    flags: "--model-name <name>",
    path: ["model_name"],
    help: "the registry model to save into (`--model` is the model kind)",
    shownDefault: d.modelName,
  },
};

/** The option's --help line: what it is, the key it overrides, its default. */
export function configFlagHelp(spec: ConfigFlagSpec): string {
  const also = spec.alsoOverrides ? ` ${spec.alsoOverrides}` : "";
  const dflt = spec.shownDefault === undefined ? "" : `; default ${spec.shownDefault}`;
  return `${spec.help} (overrides \`${spec.path.join(".")}\`${also}${dflt})`;
}

export const CONFIG_FLAG_NAMES = Object.keys(CONFIG_FLAGS) as ConfigFlag[];
