"""Regenerates src/definitions/numpy-fixture.json: rolling features computed with numpy, window by
window (np.mean, np.std(ddof=1): two-pass), independently of our TypeScript code.

    python3 packages/features/scripts/make-fixture.py
"""
import json
import pathlib

import numpy as np

rng = np.random.default_rng(20240101)
cases = []
for start, scale, n in [(100.0, 0.02, 300), (1_000_000.0, 1e-9, 200), (3.5, 0.05, 120)]:
    steps = rng.normal(0.0, scale, n - 1)
    closes = [start]
    for s in steps:
        closes.append(closes[-1] * (1.0 + s))
    c = np.array(closes)
    r = c[1:] / c[:-1] - 1.0
    for w in (2, 5, 20):
        ma = [float(np.mean(c[t - w + 1 : t + 1])) for t in range(w - 1, n)]
        vol = [float(np.std(r[t - w : t], ddof=1)) for t in range(w, n)]  # r[k] is the return at input k+1
        cases.append({"lookback": w, "closes": closes, "moving_average": ma, "rolling_volatility": vol})

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "definitions" / "numpy-fixture.json"
out.write_text(json.dumps({"generator": "scripts/make-fixture.py (numpy " + np.__version__ + ")", "cases": cases}))
print("wrote", out, len(cases), "cases")
