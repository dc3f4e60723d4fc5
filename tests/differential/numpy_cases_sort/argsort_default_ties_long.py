# The default argsort stays NumPy's introsort on long inputs with many ties, whatever np.sort
# does for the same data.
import numpy as np

rng = np.random.default_rng(41)
for dt in [np.int8, np.int32, np.int64, np.uint16, np.float64, np.float32]:
    x = rng.integers(0, 7, size=40000).astype(dt)
    i = np.argsort(x)
    print(dt.__name__, i[:12], i[-12:], np.array_equal(x[i], np.sort(x)))
x = rng.standard_normal(40000)
x[::7] = 0.0
x[::11] = -0.0
x[::13] = np.nan
i = np.argsort(x)
print(i[:10], i[-10:], np.array_equal(x[i][:-3077], np.sort(x)[:-3077]))
