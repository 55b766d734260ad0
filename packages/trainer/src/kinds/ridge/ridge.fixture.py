"""Regenerates ridge.fixture.json: an independent numpy reference for fitRidge.

Run from this folder: python3 ridge.fixture.py
Data: 300 rows x 4 correlated features (seeded), y = X b + noise. For each alpha the reference
solves the augmented standardized least-squares problem [Z; sqrt(alpha) I] beta = [y - mean(y); 0]
with numpy.linalg.lstsq (SVD based), Z = (X - mean) / std (population std, ddof 0).
"""
import json

import numpy as np

rng = np.random.default_rng(20251127)
n, k = 300, 4
base = rng.normal(size=(n, k))
mix = np.array([[1.0, 0.6, 0.0, 0.2], [0.0, 1.0, 0.5, 0.0], [0.0, 0.0, 1.0, 0.3], [0.0, 0.0, 0.0, 1.0]])
X = base @ mix * np.array([0.01, 2.0, 150.0, 1e-3]) + np.array([0.0, 5.0, 100.0, -0.02])
y = X @ np.array([3.0, -0.2, 0.004, 40.0]) + 0.05 * rng.normal(size=n)

cases = []
for alpha in [0.0, 0.5, 10.0, 1000.0]:
    means = X.mean(axis=0)
    scales = X.std(axis=0, ddof=0)
    Z = (X - means) / scales
    A = np.vstack([Z, np.sqrt(alpha) * np.eye(k)])
    b = np.concatenate([y - y.mean(), np.zeros(k)])
    beta, *_ = np.linalg.lstsq(A, b, rcond=None)
    cases.append(
        {
            "alpha": alpha,
            "means": means.tolist(),
            "scales": scales.tolist(),
            "coefficients": beta.tolist(),
            "intercept": float(y.mean()),
        }
    )

with open("ridge.fixture.json", "w") as f:
    json.dump({"rows": n, "cols": k, "X": X.ravel().tolist(), "y": y.tolist(), "cases": cases}, f)
