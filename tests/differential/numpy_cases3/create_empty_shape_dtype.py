import numpy as np
e = np.empty((2, 3))
print(e.shape, e.dtype, e.size)
e2 = np.empty(4, dtype=np.int32)
print(e2.shape, e2.dtype)
e3 = np.empty_like(np.zeros((3, 1), dtype=np.uint8))
print(e3.shape, e3.dtype)
print(np.empty(0), np.empty((0, 3)).shape)
