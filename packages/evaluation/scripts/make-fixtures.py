"""Regenerates src/reference.fixture.json: every statistic of @mle/evaluation computed with numpy
and scipy on fixed inputs (seeded), independently of our TypeScript code, including the degenerate
cases (ties, zero-variance differences, very short samples) where the expected answer is
"not defined" with a reason.

    python3 packages/evaluation/scripts/make-fixtures.py

Distribution functions come from scipy (scipy.stats.t / norm / chi2 / binom, scipy.special);
the statistics are written out from their papers' formulas with numpy.
"""
import json
import math
import pathlib

import numpy as np
import scipy
from scipy import special, stats

rng = np.random.default_rng(20261201)


def nd(reason, n):
    return {"defined": False, "reason": reason, "n": n}


def arr(x):
    return [float(v) for v in x]


# ---------------------------------------------------------------- inputs
def series(n, skill, noise, seed):
    g = np.random.default_rng(seed)
    y = g.normal(0.0005, 0.01, n)
    pred = skill * y + g.normal(0.0, noise, n)
    return y, pred


inputs = {}
y, p = series(250, 0.3, 0.004, 1)
inputs["skilled"] = {"actual": y, "predicted": p, "baseline_mean": 0.0004}
y, p = series(120, 0.0, 0.002, 2)
inputs["noise"] = {"actual": y, "predicted": p, "baseline_mean": -0.0003}
y, p = series(40, -0.2, 0.003, 3)
inputs["worse"] = {"actual": y, "predicted": p, "baseline_mean": 0.001}
# Quantized returns: many exact zeros and repeated values (ties in sign and loss).
g = np.random.default_rng(4)
yq = g.integers(-2, 3, 60).astype(float) / 100
pq = g.integers(-1, 2, 60).astype(float) / 200
inputs["quantized"] = {"actual": yq, "predicted": pq, "baseline_mean": 0.0}
inputs["two_rows"] = {"actual": np.array([0.01, -0.02]), "predicted": np.array([0.004, 0.001]), "baseline_mean": 0.0}
inputs["three_rows"] = {
    "actual": np.array([0.01, -0.02, 0.015]),
    "predicted": np.array([0.004, -0.001, 0.002]),
    "baseline_mean": 0.001,
}
inputs["one_row"] = {"actual": np.array([0.01]), "predicted": np.array([0.004]), "baseline_mean": 0.0}
# The model forecasts exactly zero: identical to the zero baseline on every row.
y0 = np.random.default_rng(5).normal(0, 0.01, 30)
inputs["equals_zero"] = {"actual": y0, "predicted": np.zeros(30), "baseline_mean": 0.0}
# |y - 2y| = |y - 0|: squared and absolute losses tie on every row though the forecasts differ.
inputs["loss_ties"] = {"actual": y0, "predicted": 2 * y0, "baseline_mean": 0.0}
# Every forecast points up: direction skill not testable.
inputs["all_up"] = {"actual": y0, "predicted": np.abs(y0) + 0.001, "baseline_mean": 0.0}


def baseline_of(case, which):
    n = len(case["actual"])
    return np.zeros(n) if which == "zero" else np.full(n, case["baseline_mean"])


# ---------------------------------------------------------------- statistics
def oos_r2(y, p, b):
    n = len(y)
    if n == 0:
        return nd("TOO_SHORT", 0)
    sse_m = float(np.sum((y - p) ** 2))
    sse_b = float(np.sum((y - b) ** 2))
    if sse_b == 0:
        return nd("ZERO_VARIANCE", n)
    return {"defined": True, "n": n, "r2": 1 - sse_m / sse_b, "sse_model": sse_m, "sse_baseline": sse_b}


def dm(y, p, b, loss):
    n = len(y)
    if n < 2:
        return nd("TOO_SHORT", n)
    L = (lambda e: e**2) if loss == "squared" else np.abs
    d = L(y - p) - L(y - b)
    dbar = float(np.mean(d))
    gamma0 = float(np.mean((d - dbar) ** 2))  # acf at lag 0, denominator n (as forecast::dm.test)
    if not gamma0 > 0:
        return nd("ZERO_VARIANCE", n)
    h = 1
    raw = dbar / math.sqrt(gamma0 / n)
    stat = raw * math.sqrt((n + 1 - 2 * h + h * (h - 1) / n) / n)
    return {
        "defined": True,
        "n": n,
        "loss": loss,
        "mean_loss_difference": dbar,
        "statistic": stat,
        "p_value": min(1.0, float(2 * stats.t.sf(abs(stat), n - 1))),
        "p_value_less": float(stats.t.cdf(stat, n - 1)),
    }


def nw_lag(n):
    return 0 if n < 2 else min(n - 1, int(math.floor(4 * (n / 100) ** (2 / 9))))


def newey_west(f, lag):
    n = len(f)
    u = f - f.mean()
    s = float(np.dot(u, u) / n)
    for j in range(1, min(lag, n - 1) + 1):
        s += 2 * (1 - j / (lag + 1)) * float(np.dot(u[j:], u[:-j]) / n)
    return max(0.0, s)


def cw(y, p, b, lag=None):
    n = len(y)
    lag = nw_lag(n) if lag is None else lag
    if n < 2:
        return nd("TOO_SHORT", n)
    f = (y - b) ** 2 - ((y - p) ** 2 - (b - p) ** 2)
    s = newey_west(f, lag)
    if not s > 0:
        return nd("ZERO_VARIANCE", n)
    stat = math.sqrt(n) * float(f.mean()) / math.sqrt(s)
    return {
        "defined": True,
        "n": n,
        "mean_adjusted_difference": float(f.mean()),
        "statistic": stat,
        "p_value": float(stats.norm.sf(stat)),
        "lag": lag,
    }


def pt(y, p):
    n = len(y)
    if n < 2:
        return nd("TOO_SHORT", n)
    uy, ux = y > 0, p > 0
    py, px = uy.mean(), ux.mean()
    if py in (0, 1) or px in (0, 1):
        return nd("CONSTANT_SEQUENCE", n)
    phat = float((uy == ux).mean())
    pstar = py * px + (1 - py) * (1 - px)
    vp = pstar * (1 - pstar) / n
    vps = (2 * py - 1) ** 2 * px * (1 - px) / n + (2 * px - 1) ** 2 * py * (1 - py) / n + 4 * py * px * (1 - py) * (1 - px) / n**2
    v = vp - vps
    if not v > 0:
        return nd("ZERO_VARIANCE", n)
    stat = (phat - pstar) / math.sqrt(v)
    return {
        "defined": True,
        "n": n,
        "hit_rate": phat,
        "expected_hit_rate": float(pstar),
        "statistic": float(stat),
        "p_value": float(stats.norm.sf(stat)),
    }


def kupiec(miss, level):
    n = len(miss)
    if n == 0:
        return nd("TOO_SHORT", 0)
    p = 1 - level
    x = int(np.sum(miss))
    r = x / n
    lr = -2 * (special.xlogy(n - x, 1 - p) + special.xlogy(x, p) - special.xlogy(n - x, 1 - r) - special.xlogy(x, r))
    lr = max(0.0, float(lr))
    return {
        "defined": True,
        "n": n,
        "misses": x,
        "expected_rate": p,
        "observed_rate": r,
        "statistic": lr,
        "p_value": float(stats.chi2.sf(lr, 1)),
    }


def christoffersen(miss):
    n = len(miss)
    if n < 2:
        return nd("TOO_SHORT", n)
    m = np.asarray(miss, dtype=int)
    if m.min() == m.max():
        return nd("CONSTANT_SEQUENCE", n)
    prev, cur = m[:-1], m[1:]
    n00 = int(np.sum((prev == 0) & (cur == 0)))
    n01 = int(np.sum((prev == 0) & (cur == 1)))
    n10 = int(np.sum((prev == 1) & (cur == 0)))
    n11 = int(np.sum((prev == 1) & (cur == 1)))
    pi01 = n01 / (n00 + n01) if n00 + n01 else 0.0
    pi11 = n11 / (n10 + n11) if n10 + n11 else 0.0
    pi = (n01 + n11) / (n - 1)
    xl = special.xlogy
    restricted = xl(n00 + n10, 1 - pi) + xl(n01 + n11, pi)
    unrestricted = xl(n00, 1 - pi01) + xl(n01, pi01) + xl(n10, 1 - pi11) + xl(n11, pi11)
    lr = max(0.0, float(-2 * (restricted - unrestricted)))
    return {
        "defined": True,
        "n": n,
        "transitions": {"n00": n00, "n01": n01, "n10": n10, "n11": n11},
        "statistic": lr,
        "p_value": float(stats.chi2.sf(lr, 1)),
    }


def coverage(y, lo, hi):
    n = len(y)
    if n == 0:
        return nd("TOO_SHORT", 0)
    c = int(np.sum((y >= lo) & (y <= hi)))
    return {"defined": True, "n": n, "covered": c, "coverage": c / n}


def winkler(y, lo, hi, level):
    n = len(y)
    if n == 0:
        return nd("TOO_SHORT", 0)
    a = 1 - level
    s = (hi - lo) + (2 / a) * (lo - y) * (y < lo) + (2 / a) * (y - hi) * (y > hi)
    return {"defined": True, "n": n, "level": level, "mean_score": float(s.mean()), "mean_width": float((hi - lo).mean())}


def conformal(scores, level):
    n = len(scores)
    k = math.ceil((n + 1) * level - 1e-9)
    if k > n:
        return nd("TOO_SHORT", n)
    # The same order statistic through numpy's quantile definition (Angelopoulos & Bates, eq. 1).
    q = float(np.quantile(scores, k / n, method="inverted_cdf"))
    assert q == float(np.sort(scores)[k - 1])
    return {"defined": True, "n": n, "level": level, "rank": k, "quantile": q}


def calibration(prob, hit, buckets, lo, hi):
    n = len(prob)
    if n == 0:
        return nd("TOO_SHORT", 0)
    idx = np.minimum(np.floor((prob - lo) / (hi - lo) * buckets).astype(int), buckets - 1)
    out, ece = [], 0.0
    for b in range(buckets):
        sel = idx == b
        c = int(sel.sum())
        mp = float(prob[sel].mean()) if c else None
        hr = float(hit[sel].mean()) if c else None
        if c:
            ece += c / n * abs(hr - mp)
        out.append(
            {"lower": lo + (hi - lo) * b / buckets, "upper": lo + (hi - lo) * (b + 1) / buckets, "count": c, "mean_probability": mp, "hit_rate": hr}
        )
    return {
        "defined": True,
        "n": n,
        "buckets": out,
        "ece": ece,
        "brier": float(np.mean((prob - hit) ** 2)),
        "mean_probability": float(prob.mean()),
        "hit_rate": float(hit.mean()),
    }


# ---------------------------------------------------------------- cases
forecast_cases = []
for name, case in inputs.items():
    y, p = case["actual"], case["predicted"]
    entry = {"name": name, "actual": arr(y), "predicted": arr(p), "baseline_mean": case["baseline_mean"], "expected": {}}
    for which in ("zero", "mean"):
        b = baseline_of(case, which)
        entry["expected"][which] = {
            "oos_r2": oos_r2(y, p, b),
            "dm_squared": dm(y, p, b, "squared"),
            "dm_absolute": dm(y, p, b, "absolute"),
            "cw": cw(y, p, b),
            "cw_lag0": cw(y, p, b, lag=0),
        }
    entry["expected"]["pt"] = pt(y, p)
    forecast_cases.append(entry)

# Interval cases: misses clustered, independent, none, all, short.
interval_cases = []
g = np.random.default_rng(6)
yi = g.normal(0, 0.01, 300)
yi[100:130] *= 4  # a volatile stretch: misses cluster there
center = 0.2 * yi + g.normal(0, 0.002, 300)
for name, (yv, c, half, level) in {
    "clustered": (yi, center, 0.016, 0.9),
    "wide": (yi, center, 0.2, 0.9),
    "narrow": (yi[:50], center[:50], 0.0001, 0.8),
    "single_miss_last": (np.array([0.0, 0.0, 0.0, 0.5]), np.zeros(4), 0.1, 0.9),
    "one_row": (np.array([0.03]), np.array([0.0]), 0.01, 0.9),
}.items():
    lo, hi = c - half, c + half
    miss = ((yv < lo) | (yv > hi)).astype(int)
    interval_cases.append(
        {
            "name": name,
            "actual": arr(yv),
            "lower": arr(lo),
            "upper": arr(hi),
            "level": level,
            "expected": {
                "misses": miss.tolist(),
                "coverage": coverage(yv, lo, hi),
                "winkler": winkler(yv, lo, hi, level),
                "kupiec": kupiec(miss, level),
                "christoffersen": christoffersen(miss),
            },
        }
    )
# Sequences given directly (the tests feed them to kupiecPof / christoffersenIndependence).
miss_cases = []
for name, m in {
    "empty": [],
    "none": [0] * 20,
    "all": [1] * 7,
    "first_only": [1] + [0] * 9,
    "alternating": [0, 1] * 10,
    "runs": [0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    "bernoulli": (np.random.default_rng(7).random(500) < 0.1).astype(int).tolist(),
}.items():
    miss_cases.append({"name": name, "misses": m, "level": 0.9, "kupiec": kupiec(np.array(m, dtype=int), 0.9), "christoffersen": christoffersen(m)})

conformal_cases = []
scores = np.abs(np.random.default_rng(8).standard_t(4, 201)) * 0.01
for n in (0, 5, 8, 9, 19, 20, 99, 201):
    for level in (0.8, 0.9, 0.95):
        conformal_cases.append({"scores": arr(scores[:n]), "level": level, "expected": conformal(scores[:n], level)})
tied = np.array([0.01] * 12 + [0.02] * 8)
conformal_cases.append({"scores": arr(tied), "level": 0.9, "expected": conformal(tied, 0.9)})

calibration_cases = []
g = np.random.default_rng(9)
prob = 0.5 + 0.5 * g.random(400)
hit = (g.random(400) < prob - 0.05).astype(float)
calibration_cases.append({"probabilities": arr(prob), "outcomes": hit.astype(int).tolist(), "buckets": 5, "min": 0.5, "max": 1.0, "expected": calibration(prob, hit, 5, 0.5, 1.0)})
edges = np.array([0.0, 0.1, 0.2, 0.5, 0.9, 1.0, 1.0])
calibration_cases.append({"probabilities": arr(edges), "outcomes": [0, 0, 1, 1, 1, 1, 0], "buckets": 10, "min": 0.0, "max": 1.0, "expected": calibration(edges, np.array([0, 0, 1, 1, 1, 1, 0.0]), 10, 0.0, 1.0)})

# ---------------------------------------------------------------- distributions
t_cases = [
    {"t": t, "df": df, "sf": float(stats.t.sf(t, df)), "cdf": float(stats.t.cdf(t, df))}
    for df in (1, 2, 2.5, 7, 30, 249, 1000, 20000)
    for t in (-40.0, -3.1, -1.0, -0.2, 0.0, 0.5, 1.96, 2.0, 4.5, 12.0)
]
normal_cases = [{"z": z, "sf": float(stats.norm.sf(z)), "cdf": float(stats.norm.cdf(z))} for z in (-9.0, -3.2, -1.0, -1e-3, 0.0, 0.3, 1.6448536269514722, 2.5, 6.0, 30.0)]
chi2_cases = [{"x": x, "df": df, "sf": float(stats.chi2.sf(x, df))} for df in (1, 2, 5) for x in (0.0, 1e-6, 0.1, 1.0, 3.841458820694124, 7.0, 40.0, 300.0)]
beta_cases = [
    {"x": x, "a": a, "b": b, "value": float(special.betainc(a, b, x))}
    for (a, b) in ((0.5, 0.5), (2, 3), (0.5, 15), (125, 0.5), (40, 60), (3000, 2500))
    for x in (0.0, 1e-8, 0.05, 0.3, 0.5, 0.55, 0.9, 0.999, 1.0)
]
gamma_cases = [
    {"a": a, "x": x, "q": float(special.gammaincc(a, x)), "p": float(special.gammainc(a, x))}
    for a in (0.5, 1.0, 2.5, 10.0, 150.0)
    for x in (0.0, 0.01, 0.7, 3.0, 12.0, 160.0)
]
lgamma_cases = [{"x": x, "value": float(special.gammaln(x))} for x in (0.1, 0.5, 1.0, 1.5, 2.0, 7.3, 50.0, 1234.5, 1e5)]
binom_cases = []
for n, p, conf in ((10, 0.9, 0.99), (100, 0.9, 0.99), (500, 0.9, 0.99), (2000, 0.9, 0.99), (731, 0.9, 0.95), (57, 0.5, 0.9)):
    lo, hi = stats.binom.interval(conf, n, p)
    binom_cases.append({"n": n, "p": p, "confidence": conf, "lower": int(lo), "upper": int(hi)})
binom_cdf_cases = [{"k": k, "n": n, "p": p, "value": float(stats.binom.cdf(k, n, p))} for (n, p) in ((20, 0.9), (500, 0.1), (1000, 0.5)) for k in (0, 1, 5, 17, 19, 50, 480)]

fixture = {
    "generator": f"scripts/make-fixtures.py (numpy {np.__version__}, scipy {scipy.__version__})",
    "forecast": forecast_cases,
    "interval": interval_cases,
    "misses": miss_cases,
    "conformal": conformal_cases,
    "calibration": calibration_cases,
    "distributions": {
        "student_t": t_cases,
        "normal": normal_cases,
        "chi2": chi2_cases,
        "beta": beta_cases,
        "gamma": gamma_cases,
        "log_gamma": lgamma_cases,
        "binomial_band": binom_cases,
        "binomial_cdf": binom_cdf_cases,
    },
}
out = pathlib.Path(__file__).resolve().parent.parent / "src" / "reference.fixture.json"
out.write_text(json.dumps(fixture, allow_nan=False) + "\n")
print("wrote", out)
