import numpy as np
a = np.array([1.5, np.nan, -2.0, 0.1, 65504], np.float16)
b = np.array([1.5, 1.0, 2.0, 0.1, np.inf], np.float16)
print(a == b, a != b)
print(a < b, a <= b, a > b, a >= b)
print(a == 0.1, np.float16(0.1) == 0.1, np.float16(0.5) == 0.5)
print(np.maximum(a, b), np.minimum(a, b))
print(np.fmax(a, b), np.fmin(a, b))
print(np.logical_and(a, b), np.logical_or(a, 0), np.logical_xor(a, b))
