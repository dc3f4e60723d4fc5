import numpy as np
a = np.array([0.1, 0.2, 1/3], dtype=np.float32)
print(a, repr(a))
print(a[0], repr(a[2]), a.dtype)
print(np.float32(1.5), np.float32(0.1) + np.float32(0.2))
b = np.arange(5, dtype=np.float32) / 7
print(b)
print(np.array([1e-6, 1], dtype=np.float32))
