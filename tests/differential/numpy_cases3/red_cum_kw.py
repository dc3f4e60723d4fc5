import numpy as np
a = np.arange(1, 7).reshape(2, 3)
print(np.cumsum(a), np.cumsum(a, axis=0), np.cumsum(a, axis=1))
print(np.cumprod(a), np.cumprod(a, axis=0), a.cumsum(dtype=np.float32))
print(np.cumsum([True, True, False]), np.cumprod(np.array([2, 3], dtype=np.int8), dtype=np.int8))
print(np.cumsum(np.array([0.1] * 5)))
