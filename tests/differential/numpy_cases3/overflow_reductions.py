import numpy as np
a = np.array([100, 100, 100], dtype=np.int8)
print(a.sum(), a.sum().dtype, a.sum(dtype=np.int8), a.prod(dtype=np.int8))
print(np.cumsum(a, dtype=np.int8), np.cumsum(a))
b = np.full(4, 2 ** 62)
print(b.sum(), b.prod())
u = np.array([255, 255], dtype=np.uint8)
print(u.sum(), u.sum().dtype, u.sum(dtype=np.uint8), u.cumsum(dtype=np.uint8))
