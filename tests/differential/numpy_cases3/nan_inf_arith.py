import numpy as np
a = np.array([np.nan, np.inf, -np.inf, 1.0, 0.0])
print(a + 1, a * 0, a - a, a / np.inf)
print(np.inf - np.inf, np.nan == np.nan, np.isnan(a), np.isinf(a), np.isfinite(a))
print(np.maximum(a, 0), np.minimum(a, 0))
print(a.sum(), a[1:].sum(), a[3:].sum(), np.nan * 0)
