import { TrainerError } from "../../errors";
import type { ImportedBody } from "../kind";
import type { XgboostBody, XgboostTree } from "./body";
import { shortestFloat32 } from "./float32";
import { gbtreeSchema, xgboostHeaderSchema, xgboostTreeSchema } from "./schema";
import { compactTree } from "./tree";
import { checkNodeTotal, checkSumBound, parseWith } from "./validate";

const DOC = "XGBoost model";
const SUPPORTED_OBJECTIVE = "reg:squarederror";

/** What {@link importXgboost} makes of a file: the artifact body and what it records about it. */
export type XgboostImport = ImportedBody<XgboostBody>;

function unsupported(path: string, message: string): never {
  throw new TrainerError("UNSUPPORTED_MODEL", `${DOC} ${path}: ${message}`, { path });
}

function mismatch(path: string, message: string): never {
  throw new TrainerError("FEATURE_MISMATCH", `${DOC} ${path}: ${message}`, { path });
}

function depthOf(t: XgboostTree): number {
  const depth = new Int32Array(t.left_children.length);
  let max = 0;
  // Preorder: a parent comes before its children.
  for (let i = 0; i < depth.length; i++) {
    const l = t.left_children[i]!;
    if (l < 0) continue;
    depth[l] = depth[t.right_children[i]!] = depth[i]! + 1;
    max = Math.max(max, depth[i]! + 1);
  }
  return max;
}

/**
 * Turns an XGBoost JSON model (`Booster.save_model("m.json")`, already `JSON.parse`d) into the
 * body of an `xgboost` artifact for inputs `features` (the feature spec's columns, in order).
 * Validates everything prediction reads; serves `reg:squarederror` gbtree models with numeric
 * splits and one target, as `Booster.predict` computes them (all trees).
 *
 * @throws TrainerError `INVALID_MODEL` (malformed: shape, lengths, numbers, cycles, sizes),
 * `UNSUPPORTED_MODEL` (another objective or booster, categorical splits, several targets or
 * classes, vector leaves), `FEATURE_MISMATCH` (`num_feature` or `feature_names` disagree with
 * `features`).
 *
 * @example
 * ```ts
 * const { body } = importXgboost(JSON.parse(await readFile("m.json", "utf8")), spec.features);
 * ```
 */
export function importXgboost(json: unknown, features: readonly string[]): XgboostImport {
  const head = parseWith(xgboostHeaderSchema, json, "", DOC);
  const { learner } = head;
  const objective = learner.objective.name;
  if (objective !== SUPPORTED_OBJECTIVE) {
    unsupported(
      "learner.objective.name",
      `objective "${objective}" is not supported (only ${SUPPORTED_OBJECTIVE})`,
    );
  }
  const booster = learner.gradient_booster.name;
  if (booster !== "gbtree") {
    unsupported(
      "learner.gradient_booster.name",
      `booster "${booster}" is not supported (only gbtree)`,
    );
  }
  const param = learner.learner_model_param;
  if ((param.num_class ?? 0) > 0 || (param.num_target ?? 1) > 1) {
    unsupported(
      "learner.learner_model_param",
      `several outputs (num_class ${param.num_class ?? 0}, num_target ${param.num_target ?? 1}) are not supported: one regression target only`,
    );
  }
  const categorical = (learner.feature_types ?? []).indexOf("c");
  if (categorical >= 0) {
    unsupported(`learner.feature_types[${categorical}]`, "categorical features are not supported");
  }
  if (param.num_feature !== features.length) {
    mismatch(
      "learner.learner_model_param.num_feature",
      `the model has ${param.num_feature} inputs, the feature spec ${features.length} (${features.join(", ")})`,
    );
  }
  const names = learner.feature_names ?? [];
  if (names.length > 0) {
    const at = names.findIndex((name, i) => name !== features[i]);
    if (names.length !== features.length || at >= 0) {
      mismatch(
        "learner.feature_names",
        `the model's inputs are named ${names.join(", ")}, the feature spec's ${features.join(", ")} (same names in the same order, or a model saved without names)`,
      );
    }
  }

  const gbtree = parseWith(gbtreeSchema, learner.gradient_booster, "learner.gradient_booster", DOC);
  const { model } = gbtree;
  const treesPath = "learner.gradient_booster.model.trees";
  if ((model.gbtree_model_param.size_leaf_vector ?? 0) > 0) {
    unsupported(
      "learner.gradient_booster.model.gbtree_model_param.size_leaf_vector",
      "vector leaves (multi-target trees) are not supported",
    );
  }
  if (model.gbtree_model_param.num_trees !== model.trees.length) {
    parseWith(
      xgboostTreeSchema.array().length(model.gbtree_model_param.num_trees),
      model.trees,
      treesPath,
      DOC,
    );
  }
  if (model.tree_info.length !== model.trees.length) {
    throw new TrainerError(
      "INVALID_MODEL",
      `${DOC} learner.gradient_booster.model.tree_info: expected ${model.trees.length} entries (one per tree), got ${model.tree_info.length}`,
      { path: "learner.gradient_booster.model.tree_info" },
    );
  }
  const group = model.tree_info.findIndex((g) => g !== 0);
  if (group >= 0) {
    unsupported(
      `learner.gradient_booster.model.tree_info[${group}]`,
      "trees of several output groups are not supported",
    );
  }
  const raw = model.trees.map((t, i) => parseWith(xgboostTreeSchema, t, `${treesPath}[${i}]`, DOC));
  checkNodeTotal(raw, treesPath, DOC);
  const trees = raw.map((t, i) => {
    const path = `${treesPath}[${i}]`;
    const splitType = (t.split_type ?? []).findIndex((s) => s !== 0);
    if (splitType >= 0 || (t.categories_nodes ?? []).length > 0) {
      unsupported(`${path}.split_type`, "categorical splits are not supported");
    }
    if ((t.tree_param.size_leaf_vector ?? 0) > 0) {
      unsupported(
        `${path}.tree_param.size_leaf_vector`,
        "vector leaves (multi-target trees) are not supported",
      );
    }
    if (t.tree_param.num_nodes !== t.left_children.length) {
      throw new TrainerError(
        "INVALID_MODEL",
        `${DOC} ${path}.left_children: expected ${t.tree_param.num_nodes} entries (tree_param.num_nodes), got ${t.left_children.length}`,
        { path: `${path}.left_children` },
      );
    }
    return compactTree(
      {
        left: t.left_children,
        right: t.right_children,
        feature: t.split_indices,
        condition: t.split_conditions,
        defaultLeft: t.default_left,
      },
      features.length,
      path,
      {
        left: "left_children",
        right: "right_children",
        feature: "split_indices",
        condition: "split_conditions",
        defaultLeft: "default_left",
      },
      DOC,
    );
  });
  const body: XgboostBody = {
    objective: SUPPORTED_OBJECTIVE,
    base_score: shortestFloat32(Math.fround(param.base_score)),
    trees,
  };
  checkSumBound(body, DOC);
  return {
    body,
    hyperparameters: {
      objective: SUPPORTED_OBJECTIVE,
      booster: "gbtree",
      num_trees: trees.length,
      max_depth: trees.reduce((m, t) => Math.max(m, depthOf(t)), 0),
      base_score: body.base_score,
      xgboost_version: head.version === undefined ? "unknown" : head.version.join("."),
    },
  };
}
