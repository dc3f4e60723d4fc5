# Long float sorts of ordinary data (uniform, normal, integers as floats, tiny and huge
# magnitudes, denormals) against a Python list sort.
import numpy as np

rng = np.random.default_rng(17)
n = 50000
cases = [
    ("uniform", rng.random(n)),
    ("normal", rng.standard_normal(n)),
    ("integral", np.round(rng.standard_normal(n) * 10)),
    ("wide", rng.standard_normal(n) * 10.0 ** rng.integers(-300, 300, size=n)),
    ("denormal", rng.random(n) * 1e-310 - 0.5e-310),
    ("negative", -rng.random(n) - 1.0),
]
for label, x in cases:
    for dt in [np.float64, np.float32]:
        v = x.astype(dt)
        s = np.sort(v)
        ref = np.array(sorted(v.tolist()), dtype=dt)
        print(label, s.dtype, s[:3], s[-3:], (s[1:] >= s[:-1]).all(), np.array_equal(s, ref))
