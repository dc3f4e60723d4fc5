import numpy as np
a = np.array([1 + 2j, 1 + 3j, 2, -1j], np.complex64)
b = np.array([1 + 2j, 1 + 2j, 2 + 1j, 0], np.complex64)
print(a == b, a != b)
print(a < b, a >= b)
print(np.maximum(a, b), np.minimum(a, b))
print(np.logical_not(a), np.logical_and(a, b))
print(np.complex64(1j) == 1j, np.complex64(0.1) == 0.1)
