import numpy as np
a = np.array([1e-10, 0.0, 1.0, -0.5, 100.0])
print(np.log1p(a))
print(np.expm1(a))
print(repr(np.log1p(np.float32(0.001))), repr(np.expm1(np.float32(0.001))))
print(np.expm1(np.array([1, 2, 3], dtype=np.int32)).dtype)
