#!/usr/bin/python3
"""Writes the XGBoost reference fixtures of @mle/trainer (run with Debian's python3-xgboost):

    /usr/bin/python3 packages/trainer/scripts/make-xgboost-fixtures.py

1. src/kinds/xgboost/fixtures/<name>.model.json: small XGBoost models (`Booster.save_model`),
   depth 1..6, trained on fixed data with missing values, one with base_score set, one on four
   columns shaped like the default market features (used by the API end-to-end test).
   src/kinds/xgboost/fixtures/predictions.json: `Booster.predict` of each model on fixture rows
   (NaN written as null), the numbers our xgboost kind must reproduce.
2. src/kinds/gbdt/fixtures/xgboost-hist-reference.json: validation RMSE of XGBoost
   `tree_method="hist"` on the synthetic nonlinear data set of `synthetic.fixture.ts`
   (mulberry32 and Box-Muller ported below), the reference our gbdt must come within 5 % of.

Everything is seeded; the same XGBoost version writes the same bytes.
"""
import json
import math
import os

import numpy as np
import xgboost as xgb

HERE = os.path.dirname(os.path.abspath(__file__))
XGB_DIR = os.path.join(HERE, "..", "src", "kinds", "xgboost", "fixtures")
GBDT_DIR = os.path.join(HERE, "..", "src", "kinds", "gbdt", "fixtures")


def floats(a):
    """float32 predictions as exact Python floats; NaN inputs as null."""
    return [None if math.isnan(v) else float(v) for v in np.asarray(a).ravel().tolist()]


def save(path, value):
    with open(path, "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")


def xgboost_fixtures():
    os.makedirs(XGB_DIR, exist_ok=True)
    rng = np.random.default_rng(20240601)
    n, k = 400, 3
    X = rng.uniform(-1.0, 1.0, (n, k))
    y = np.sin(3 * X[:, 0]) + X[:, 1] * X[:, 2] + 0.1 * rng.standard_normal(n)
    X[rng.uniform(size=(n, k)) < 0.1] = np.nan  # ~10 % missing: default directions get used
    rows = rng.uniform(-1.2, 1.2, (40, k))
    rows[rng.uniform(size=(40, k)) < 0.15] = np.nan
    rows[0] = [np.nan, np.nan, np.nan]
    rows[1] = [0.0, 0.0, 0.0]

    models = {}
    for depth in range(1, 7):
        models[f"depth{depth}"] = dict(params={"max_depth": depth}, rounds=4)
    models["base-score"] = dict(params={"max_depth": 3, "base_score": -0.75}, rounds=5)
    models["exact"] = dict(params={"max_depth": 3, "tree_method": "exact"}, rounds=3)

    predictions = {}
    d = xgb.DMatrix(X, label=y, missing=np.nan)
    drows = xgb.DMatrix(rows, missing=np.nan)
    for name, m in models.items():
        params = {"objective": "reg:squarederror", "eta": 0.3, "tree_method": "hist",
                  "nthread": 1, "seed": 0, **m["params"]}
        booster = xgb.train(params, d, num_boost_round=m["rounds"])
        booster.save_model(os.path.join(XGB_DIR, f"{name}.model.json"))
        predictions[name] = {"columns": k, "predictions": floats(booster.predict(drows))}

    # Four columns on the scales of close, simple_return, moving_average, rolling_volatility.
    n4 = 600
    close = rng.uniform(80, 120, n4)
    ret = 0.01 * rng.standard_normal(n4)
    ma = close * (1 + 0.01 * rng.standard_normal(n4))
    vol = rng.uniform(0.002, 0.03, n4)
    X4 = np.column_stack([close, ret, ma, vol])
    y4 = -0.3 * ret + 0.002 * np.tanh((close - ma) / 2) + vol * 0.05 * rng.standard_normal(n4)
    rows4 = np.column_stack([rng.uniform(70, 130, 30), 0.012 * rng.standard_normal(30),
                             rng.uniform(70, 130, 30), rng.uniform(0.001, 0.04, 30)])
    params = {"objective": "reg:squarederror", "eta": 0.3, "max_depth": 4, "tree_method": "hist",
              "nthread": 1, "seed": 0, "base_score": 0.0}
    booster = xgb.train(params, xgb.DMatrix(X4, label=y4), num_boost_round=8)
    booster.save_model(os.path.join(XGB_DIR, "market4.model.json"))
    predictions["market4"] = {"columns": 4, "predictions": floats(booster.predict(xgb.DMatrix(rows4)))}

    save(os.path.join(XGB_DIR, "predictions.json"), {
        "xgboost_version": xgb.__version__,
        "rows": [floats(r) for r in rows],
        "rows_market4": [floats(r) for r in rows4],
        "models": predictions,
    })


def mulberry32(seed):
    """Port of src/kinds/gbdt/random.ts (Math.imul and >>> 0 as 32-bit masks)."""
    state = [seed & 0xFFFFFFFF]

    def imul(a, b):
        r = (a * b) & 0xFFFFFFFF
        return r

    def nxt():
        state[0] = (state[0] + 0x6D2B79F5) & 0xFFFFFFFF
        t = state[0]
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def synthetic(rows, seed, sigma, cols):
    """Port of src/kinds/gbdt/synthetic.fixture.ts: y = sin(3 x0) + x1 x2 + sigma e."""
    random = mulberry32(seed)
    X = np.zeros((rows, cols))
    y = np.zeros(rows)
    for i in range(rows):
        for j in range(cols):
            X[i, j] = 2 * random() - 1
        e = math.sqrt(-2 * math.log(1 - random())) * math.cos(2 * math.pi * random())
        y[i] = math.sin(3 * X[i, 0]) + X[i, 1] * X[i, 2] + sigma * e
    return X, y


def gbdt_reference():
    os.makedirs(GBDT_DIR, exist_ok=True)
    rows, seed, sigma, cols, train_rows = 10_000, 11, 0.3, 5, 8_000
    X, y = synthetic(rows, seed, sigma, cols)
    params = {"n_trees": 200, "max_depth": 6, "learning_rate": 0.1, "min_samples_leaf": 20,
              "l2_leaf_reg": 1.0, "max_bins": 256}
    xparams = {"objective": "reg:squarederror", "tree_method": "hist", "nthread": 1, "seed": 0,
               "max_depth": params["max_depth"], "eta": params["learning_rate"],
               "min_child_weight": params["min_samples_leaf"], "lambda": params["l2_leaf_reg"],
               "max_bin": params["max_bins"], "base_score": float(np.mean(y[:train_rows]))}
    booster = xgb.train(xparams, xgb.DMatrix(X[:train_rows], label=y[:train_rows]),
                        num_boost_round=params["n_trees"])
    pred = booster.predict(xgb.DMatrix(X[train_rows:]))
    rmse = float(np.sqrt(np.mean((y[train_rows:] - pred) ** 2)))
    save(os.path.join(GBDT_DIR, "xgboost-hist-reference.json"), {
        "xgboost_version": xgb.__version__,
        "data": {"generator": "synthetic.fixture.ts", "rows": rows, "seed": seed, "sigma": sigma,
                 "cols": cols, "train_rows": train_rows,
                 "first_row": {"x": X[0].tolist(), "y": float(y[0])},
                 "last_row": {"x": X[-1].tolist(), "y": float(y[-1])}},
        "params": params,
        "xgboost_params": xparams,
        "validation_rmse": rmse,
        "noise_floor": sigma,
    })


if __name__ == "__main__":
    xgboost_fixtures()
    gbdt_reference()
