"""Regenerates src/definitions/ohlcv-fixture.json: the OHLCV features (and MACD, k-bar returns,
rolling min/max distance) computed with numpy straight from their definitions in the README,
window by window or step by step, independently of our TypeScript code.

    python3 packages/features/scripts/make-ohlcv-fixture.py
"""
import json
import math
import pathlib

import numpy as np

rng = np.random.default_rng(20261201)


def series(n, start, scale, zero_volume_from=None):
    c = np.empty(n)
    o = np.empty(n)
    h = np.empty(n)
    l = np.empty(n)
    v = np.empty(n)
    prev = start
    for t in range(n):
        flat = t % 97 == 13  # a bar that never moved: h = l = o = c
        o[t] = prev if flat else prev * (1.0 + rng.normal(0.0, scale / 3))
        c[t] = o[t] if flat else o[t] * (1.0 + rng.normal(0.0, scale))
        hi = max(o[t], c[t])
        lo = min(o[t], c[t])
        h[t] = hi if flat else hi * (1.0 + abs(rng.normal(0.0, scale / 2)))
        l[t] = lo if flat else lo * (1.0 - abs(rng.normal(0.0, scale / 2)))
        v[t] = float(np.round(rng.lognormal(10.0, 1.0)))
        if zero_volume_from is not None and zero_volume_from <= t < zero_volume_from + 40:
            v[t] = 0.0
        prev = c[t]
    return o, h, l, c, v


def ema(x, n):
    """Our EMA: seeded at index n-1 with the mean of x[0..n-1], then alpha = 2/(n+1)."""
    a = 2.0 / (n + 1)
    out = [math.nan] * len(x)
    if len(x) < n:
        return out
    e = float(np.mean(x[:n]))
    out[n - 1] = e
    for t in range(n, len(x)):
        e = e + a * (x[t] - e)
        out[t] = e
    return out


def features(o, h, l, c, v, w, fast, slow, signal, k):
    n = len(c)
    ln2 = math.log(2.0)
    tr = [math.nan] + [max(h[t] - l[t], abs(h[t] - c[t - 1]), abs(l[t] - c[t - 1])) for t in range(1, n)]
    atr = [math.nan] * n
    a = float(np.mean(tr[1 : w + 1]))
    atr[w] = a
    for t in range(w + 1, n):
        a = (a * (w - 1) + tr[t]) / w
        atr[t] = a
    hl = np.log(h / l)
    co = np.log(c / o)
    rs = np.log(h / c) * np.log(h / o) + np.log(l / c) * np.log(l / o)
    park, gk, rsv, yz, vwap, vz, mind, maxd = ([math.nan] * n for _ in range(8))
    kk = 0.34 / (1.34 + (w + 1) / (w - 1))
    tp = (h + l + c) / 3.0
    for t in range(w - 1, n):
        s = slice(t - w + 1, t + 1)
        park[t] = math.sqrt(float(np.mean(hl[s] ** 2)) / (4.0 * ln2))
        gk[t] = math.sqrt(float(np.mean(0.5 * hl[s] ** 2 - (2.0 * ln2 - 1.0) * co[s] ** 2)))
        rsv[t] = math.sqrt(float(np.mean(rs[s])))
        vol = float(np.sum(v[s]))
        vwap[t] = float(np.sum(tp[s] * v[s])) / vol if vol > 0 else float(np.mean(tp[s]))
        sd = float(np.std(v[s], ddof=1)) if not np.all(v[s] == v[s][0]) else 0.0
        vz[t] = 0.0 if sd == 0 else (v[t] - float(np.mean(v[s]))) / sd
        mind[t] = c[t] / float(np.min(c[s])) - 1.0
        maxd[t] = c[t] / float(np.max(c[s])) - 1.0
        if t >= w:
            oc = np.log(o[s] / c[t - w : t])  # overnight: open over the previous close
            yz[t] = math.sqrt(
                float(np.var(oc, ddof=1)) + kk * float(np.var(co[s], ddof=1)) + (1.0 - kk) * float(np.mean(rs[s]))
            )
    line = [a - b for a, b in zip(ema(c, fast), ema(c, slow))]
    sig = [math.nan] * (slow - 1) + ema(line[slow - 1 :], signal)
    hist = [a - b for a, b in zip(line, sig)]
    ret = [math.nan] * k + [c[t] / c[t - k] - 1.0 for t in range(k, n)]
    logret = [math.nan] * k + [math.log(c[t] / c[t - k]) for t in range(k, n)]
    return {
        "true_range": tr,
        f"atr_{w}": atr,
        f"parkinson_volatility_{w}": park,
        f"garman_klass_volatility_{w}": gk,
        f"rogers_satchell_volatility_{w}": rsv,
        f"yang_zhang_volatility_{w}": yz,
        f"vwap_{w}": vwap,
        f"volume_zscore_{w}": vz,
        "high_low_range": list((h - l) / c),
        "close_location_value": [0.0 if h[t] == l[t] else ((c[t] - l[t]) - (h[t] - c[t])) / (h[t] - l[t]) for t in range(n)],
        f"macd_{fast}_{slow}_{signal}": line,
        f"macd_signal_{fast}_{slow}_{signal}": sig,
        f"macd_histogram_{fast}_{slow}_{signal}": hist,
        f"simple_return_{k}": ret,
        f"log_return_{k}": logret,
        f"rolling_min_distance_{w}": mind,
        f"rolling_max_distance_{w}": maxd,
    }


cases = []
for start, scale, n, zero_from, w, macd, k in [
    (100.0, 0.02, 250, 150, 14, (12, 26, 9), 5),
    (1_000_000.0, 1e-4, 160, None, 5, (3, 7, 4), 1),
    (3.5, 0.05, 120, 60, 2, (2, 5, 2), 3),
    (250.0, 0.01, 200, None, 40, (5, 35, 5), 20),
]:
    o, h, l, c, v = series(n, start, scale, zero_from)
    cols = features(o, h, l, c, v, w, *macd, k)
    cases.append({
        "open": list(o), "high": list(h), "low": list(l), "close": list(c), "volume": list(v),
        # NaN (not yet defined) is written as null
        "columns": {name: [None if (x is None or math.isnan(x)) else float(x) for x in col] for name, col in cols.items()},
    })

out = pathlib.Path(__file__).resolve().parent.parent / "src" / "definitions" / "ohlcv-fixture.json"
out.write_text(json.dumps({"generator": "scripts/make-ohlcv-fixture.py (numpy " + np.__version__ + ")", "cases": cases}))
print("wrote", out, len(cases), "cases")
