# Float sorts with NaN, inf and signed zeros. Where the sorted bits depend on the algorithm
# (both -0.0 and 0.0 present, or NaNs of both signs) the output must still be NumPy's; the
# signs of zeros and NaNs are printed through math.copysign.
import math
import numpy as np

rng = np.random.default_rng(3)


def signs(v):
    return "".join("-" if math.copysign(1.0, e) < 0 else "+" for e in v.tolist())


def show(label, x):
    s = np.sort(x)
    zeros = s[s == 0]
    nans = s[s != s]
    print(label, s.dtype, s.size, s[:4], s[-4:])
    print("  zeros", zeros.size, signs(zeros[:40]), signs(zeros[-40:]))
    print("  nans", nans.size, signs(nans[:40]), "last", signs(s[-3:]))
    body = s[s == s]
    print("  ordered", (body[1:] >= body[:-1]).all(), float(body.sum()))


for dt in [np.float64, np.float32]:
    for n in [300, 5000, 60000]:
        base = rng.standard_normal(n).astype(dt)
        pick = rng.random(n)
        x = base.copy()
        x[pick < 0.05] = np.nan
        x[(pick >= 0.05) & (pick < 0.08)] = np.inf
        x[(pick >= 0.08) & (pick < 0.1)] = -np.inf
        show(f"{dt.__name__} {n} nan inf", x)
        y = x.copy()
        y[(pick >= 0.1) & (pick < 0.2)] = -0.0
        show(f"{dt.__name__} {n} only -0.0", y)
        y[(pick >= 0.2) & (pick < 0.25)] = 0.0
        show(f"{dt.__name__} {n} both zeros", y)
        w = base.copy()
        w[pick < 0.1] = -np.nan
        show(f"{dt.__name__} {n} negative nan", w)
        w[(pick >= 0.1) & (pick < 0.12)] = np.nan
        show(f"{dt.__name__} {n} both nans", w)
        z = np.zeros(n, dtype=dt)
        z[pick < 0.5] = -0.0
        show(f"{dt.__name__} {n} zeros only", z)
