import numpy as np
a = np.array([[True, False, True], [True, True, True]])
print(np.all(a), np.any(a), np.all(a, axis=0), np.any(a, axis=1), np.all(a, axis=1, keepdims=True))
print(np.all([]), np.any([]), np.all(np.array([1, 2])), np.any(np.array([0.0, -0.0])))
print(np.any(np.array([np.nan])), a.all(axis=-1), a.any(axis=(0, 1)))
