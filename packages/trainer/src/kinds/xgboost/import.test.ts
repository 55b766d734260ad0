import { describe, expect, it } from "vitest";
import { isTrainerError } from "../../errors";
import { loadModel } from "../../load-model";
import { toModelArtifact } from "../../model";
import { parseModel } from "../../parse-model";
import { residualStats } from "../../residuals";
import { XGBOOST_LIMITS } from "./body";
import { columnsFor, fixtureRows, xgboostFixture } from "./fixtures.fixture";
import { importXgboost } from "./import";

const FEATURES = columnsFor("depth3");

// biome-ignore lint/suspicious/noExplicitAny: the tests break fixture files field by field.
type Doc = any;

/** A fresh deep copy of a fixture file, to break. */
function file(name = "depth3"): Doc {
  return structuredClone(xgboostFixture(`${name}.model.json`));
}
const tree0 = (f: Doc) => f.learner.gradient_booster.model.trees[0];

function refusal(json: unknown, features: readonly string[] = FEATURES) {
  try {
    importXgboost(json, features);
  } catch (e) {
    if (isTrainerError(e)) return { code: e.code, path: e.path, message: e.message };
    throw e;
  }
  throw new Error("expected the import to be refused");
}

describe("importXgboost refuses what it cannot serve", () => {
  it("refuses another objective with UNSUPPORTED_MODEL naming it", () => {
    const f = file();
    f.learner.objective.name = "reg:logistic";
    expect(refusal(f)).toMatchObject({
      code: "UNSUPPORTED_MODEL",
      path: "learner.objective.name",
      message: expect.stringContaining(
        'objective "reg:logistic" is not supported (only reg:squarederror)',
      ),
    });
  });

  it("refuses the gblinear and dart boosters", () => {
    for (const name of ["gblinear", "dart"]) {
      const f = file();
      f.learner.gradient_booster.name = name;
      expect(refusal(f)).toMatchObject({
        code: "UNSUPPORTED_MODEL",
        path: "learner.gradient_booster.name",
      });
    }
  });

  it("refuses categorical splits and categorical feature types", () => {
    const f = file();
    tree0(f).split_type[0] = 1;
    expect(refusal(f)).toMatchObject({
      code: "UNSUPPORTED_MODEL",
      message: expect.stringContaining("categorical splits are not supported"),
    });
    const g = file();
    g.learner.feature_types = ["float", "c", "float"];
    expect(refusal(g)).toMatchObject({
      code: "UNSUPPORTED_MODEL",
      path: "learner.feature_types[1]",
    });
  });

  it("refuses multi-target and multi-class models", () => {
    const f = file();
    f.learner.learner_model_param.num_target = "2";
    expect(refusal(f)).toMatchObject({
      code: "UNSUPPORTED_MODEL",
      message: expect.stringContaining("one regression target only"),
    });
    const g = file();
    g.learner.learner_model_param.num_class = "3";
    expect(refusal(g).code).toBe("UNSUPPORTED_MODEL");
    const h = file();
    h.learner.gradient_booster.model.tree_info[1] = 1;
    expect(refusal(h).code).toBe("UNSUPPORTED_MODEL");
  });

  it("refuses a feature count or feature names that do not match the spec (FEATURE_MISMATCH)", () => {
    expect(refusal(file(), ["close", "simple_return"])).toMatchObject({
      code: "FEATURE_MISMATCH",
      path: "learner.learner_model_param.num_feature",
      message: expect.stringContaining("the model has 3 inputs, the feature spec 2"),
    });
    const f = file();
    f.learner.feature_names = ["simple_return", "close", "moving_average"];
    expect(refusal(f).code).toBe("FEATURE_MISMATCH");
    f.learner.feature_names = [...FEATURES];
    expect(() => importXgboost(f, FEATURES)).not.toThrow();
  });
});

describe("importXgboost validates hostile files", () => {
  it("refuses what is not an XGBoost model", () => {
    for (const bad of [null, 3, "m.json", [], {}, { learner: {} }]) {
      expect(refusal(bad).code).toBe("INVALID_MODEL");
    }
  });

  it("refuses a base_score that is not a finite float32 number", () => {
    for (const base of ["NaN", "Infinity", "1e39", "", "abc"]) {
      const f = file();
      f.learner.learner_model_param.base_score = base;
      expect(refusal(f)).toMatchObject({
        code: "INVALID_MODEL",
        path: "learner.learner_model_param.base_score",
      });
    }
  });

  it("refuses NaN, strings and huge values in node arrays", () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, "0.5", null]) {
      const f = file();
      tree0(f).split_conditions[1] = v;
      expect(refusal(f)).toMatchObject({
        code: "INVALID_MODEL",
        path: "learner.gradient_booster.model.trees[0].split_conditions[1]",
      });
    }
    const f = file();
    tree0(f).split_conditions[0] = 1e39; // finite in float64, not in float32
    expect(refusal(f).code).toBe("INVALID_MODEL");
  });

  it("refuses arrays of the wrong length", () => {
    for (const key of ["right_children", "split_indices", "split_conditions", "default_left"]) {
      const f = file();
      tree0(f)[key].pop();
      expect(refusal(f)).toMatchObject({
        code: "INVALID_MODEL",
        path: `learner.gradient_booster.model.trees[0].${key}`,
      });
    }
    const g = file();
    g.learner.gradient_booster.model.trees.pop();
    expect(refusal(g).code).toBe("INVALID_MODEL");
    const h = file();
    tree0(h).tree_param.num_nodes = "99";
    expect(refusal(h).code).toBe("INVALID_MODEL");
  });

  it("refuses cycles, shared children, children out of range and half leaves", () => {
    const cycle = file();
    tree0(cycle).left_children[1] = 0; // node 1 points back at the root
    expect(refusal(cycle).message).toContain("a cycle or a shared child");
    const shared = file();
    tree0(shared).right_children[0] = tree0(shared).left_children[0];
    expect(refusal(shared).message).toContain("a cycle or a shared child");
    const self = file();
    tree0(self).left_children[2] = 2;
    expect(refusal(self).code).toBe("INVALID_MODEL");
    const out = file();
    tree0(out).right_children[0] = 1000;
    expect(refusal(out).path).toBe("learner.gradient_booster.model.trees[0].right_children[0]");
    const half = file();
    const leaf = tree0(half).left_children.indexOf(-1);
    tree0(half).right_children[leaf] = 1;
    expect(refusal(half).code).toBe("INVALID_MODEL");
  });

  it("refuses a split on a column the spec does not have", () => {
    const f = file();
    tree0(f).split_indices[0] = 7;
    expect(refusal(f)).toMatchObject({
      code: "FEATURE_MISMATCH",
      path: "learner.gradient_booster.model.trees[0].split_indices[0]",
    });
  });

  it("refuses huge arrays before walking them", () => {
    const f = file();
    tree0(f).left_children = new Array(XGBOOST_LIMITS.nodesPerTree + 1).fill(-1);
    expect(refusal(f).code).toBe("INVALID_MODEL");
  });

  it("refuses leaf values whose sum would overflow float32", () => {
    const f = file();
    for (const t of f.learner.gradient_booster.model.trees) {
      t.left_children.forEach((l: number, i: number) => {
        if (l === -1) t.split_conditions[i] = 3e38;
      });
    }
    expect(refusal(f).message).toContain("overflows float32");
  });

  it("drops nodes no walk from the root reaches (XGBoost's deleted nodes)", () => {
    const f = file("depth1");
    const t = tree0(f);
    // Append two unreachable nodes.
    t.left_children.push(-1, -1);
    t.right_children.push(-1, -1);
    t.split_indices.push(0, 0);
    t.split_conditions.push(1, 2);
    t.default_left.push(0, 0);
    t.split_type.push(0, 0);
    t.tree_param.num_nodes = String(t.left_children.length);
    for (const k of ["base_weights", "loss_changes", "sum_hessian", "parents"]) t[k].push(0, 0);
    const { body } = importXgboost(f, FEATURES);
    expect(body).toEqual(importXgboost(file("depth1"), FEATURES).body);
  });
});

describe("the xgboost artifact", () => {
  const imported = importXgboost(file("depth4"), FEATURES);
  const rows = fixtureRows("depth4").filter((r) => r.every(Number.isFinite));
  const residuals = residualStats([0, 1, -1, 0.5], [0.1, 0.8, -0.7, 0.2]);
  const artifact = () =>
    toModelArtifact(
      { kind: "xgboost", hyperparameters: imported.hyperparameters, body: imported.body },
      { lookback: 20, features: FEATURES },
      residuals,
    );

  it("records what the file says about the model", () => {
    expect(imported.hyperparameters).toEqual({
      objective: "reg:squarederror",
      booster: "gbtree",
      num_trees: 4,
      max_depth: 4,
      base_score: 0.5,
      xgboost_version: "1.7.4",
    });
  });

  it("is compact: only what prediction reads, numbers as the shortest float32 decimal", () => {
    const json = JSON.stringify(imported.body);
    expect(Object.keys(imported.body.trees[0]!)).toEqual([
      "split_indices",
      "split_conditions",
      "left_children",
      "right_children",
      "default_left",
    ]);
    expect(json.length).toBeLessThan(
      JSON.stringify(xgboostFixture("depth4.model.json")).length / 2,
    );
    for (const t of imported.body.trees) {
      for (const v of t.split_conditions) {
        const digits = v.toExponential().split("e")[0]!.replace(/[-.]/g, "");
        expect(digits.length).toBeLessThanOrEqual(9);
      }
    }
  });

  it("has the same bytes for the same file, and round-trips through parseModel to the bit", () => {
    const a = JSON.stringify(artifact());
    expect(
      JSON.stringify(
        toModelArtifact(
          { kind: "xgboost", ...importXgboost(file("depth4"), FEATURES) },
          { lookback: 20, features: FEATURES },
          residuals,
        ),
      ),
    ).toBe(a);
    const reparsed = parseModel(JSON.parse(a));
    expect(JSON.stringify(reparsed)).toBe(a);
    const direct = loadModel(artifact());
    const loaded = loadModel(JSON.parse(a));
    expect(loaded.kind).toBe("xgboost");
    expect(rows.map((r) => loaded.predictRow(r))).toEqual(rows.map((r) => direct.predictRow(r)));
  });

  it("is validated again when model.json is read: a cycle or a wrong column count is refused", () => {
    const doc = JSON.parse(JSON.stringify(artifact()));
    doc.body.trees[0].left_children[1] = 0;
    expect(() => parseModel(doc)).toThrow(/a cycle or a shared child/);
    const fewer = JSON.parse(JSON.stringify(artifact()));
    fewer.feature_spec.features = ["close"];
    expect(() => parseModel(fewer)).toThrow(/trees\[\d+\]\.split_indices/);
    const extra = JSON.parse(JSON.stringify(artifact()));
    extra.body.trees[0].gain = [];
    expect(() => parseModel(extra)).toThrow(/body\.trees\[0\]/);
  });
});
