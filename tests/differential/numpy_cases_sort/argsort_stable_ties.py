# argsort(kind='stable') and kind='mergesort': equal keys keep their input order, so the
# answer is unique. Many ties, long inputs (the radix path), NaNs and signed zeros (which tie),
# every integer dtype, strided views and 2-D axes.
import numpy as np

rng = np.random.default_rng(43)
for dt in [np.bool_, np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64,
           np.uint64, np.float32, np.float64]:
    for n in [10, 600, 9000, 50000]:
        x = rng.integers(0, 5, size=n).astype(dt)
        i = np.argsort(x, kind="stable")
        j = np.argsort(x, kind="mergesort")
        print(dt.__name__, n, i[:8], i[-8:], np.array_equal(i, j),
              (x[i][1:] >= x[i][:-1]).all())
x = rng.integers(-2**62, 2**62, size=30000)
x[::3] = 7
print(np.argsort(x, kind="stable")[:10], np.argsort(-x, kind="stable")[:10])
f = rng.standard_normal(40000)
f[::5] = 0.0
f[1::5] = -0.0
f[::17] = np.nan
f[3::19] = -np.nan
i = np.argsort(f, kind="stable")
print(i[:12], i[-12:], i[5000:5012])
c = (rng.integers(0, 3, size=3000) + 1j * rng.integers(0, 2, size=3000))
print(np.argsort(c, kind="stable")[:10], np.argsort(c, kind="stable")[-10:])
a = rng.integers(0, 4, size=(3, 20000))
print(np.argsort(a, axis=1, kind="stable")[:, :6], np.argsort(a, axis=0, kind="stable")[:, :6])
print(np.argsort(a[:, ::3], kind="stable")[:, -6:], np.argsort(a, axis=None, kind="stable")[:8])
