import numpy as np
a = np.array([1.0, np.nan, 3.0, np.nan])
b = np.array([np.nan, 2.0, 1.0, np.nan])
print(np.fmax(a, b), np.fmin(a, b))
print(np.maximum(a, b), np.minimum(a, b))
print(np.fmax(np.array([1, 5]), np.array([3, 2])))
