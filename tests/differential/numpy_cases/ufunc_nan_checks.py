import numpy as np
x = np.array([1.0, np.nan, np.inf, -np.inf, 0.0])
print(np.isnan(x), np.isinf(x), np.isfinite(x))
print(np.isnan(np.array([1, 2])), np.isfinite(np.array([1, 2])))
print(np.isnan(np.nan), np.isinf(1.0), type(np.isnan(1.0)))
print(np.sqrt(np.array([-1.0, 4.0])))
print(np.log(np.array([0.0, 1.0, -1.0])))
print(np.nan + 1, np.array([np.nan]) * 0)
