import numpy as np
a = np.array([[3, 7, 1], [9, 2, 5]])
print(np.max(a), np.min(a), np.max(a, axis=0), np.min(a, axis=1, keepdims=True))
print(np.amax(a, axis=1), np.amin(a, axis=0), a.max(axis=(0, 1)))
print(np.max(np.array([1.5, -2.5], dtype=np.float32)), np.min(np.array([True, False])))
print(np.ptp(a), np.ptp(a, axis=0), a.ptp(axis=1))
