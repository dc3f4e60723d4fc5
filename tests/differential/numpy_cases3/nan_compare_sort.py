import numpy as np
a = np.array([3.0, np.nan, 1.0, np.inf, -np.inf])
print(a > 1, a == np.nan, a != a)
print(np.sort(a), np.argsort(a))
print(np.unique(np.array([1.0, np.nan, 1.0, np.nan])))
print(np.clip(a, 0, 2))
