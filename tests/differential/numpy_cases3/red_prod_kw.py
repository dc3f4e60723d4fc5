import numpy as np
a = np.arange(1, 7).reshape(2, 3)
print(np.prod(a), np.prod(a, axis=0), np.prod(a, axis=1, keepdims=True))
print(a.prod(dtype=np.float64), np.prod([]), np.prod(np.array([True, True])))
print(np.prod(a, where=a != 3), np.prod(np.array([0.5, 4.0], dtype=np.float32)))
