import numpy as np
n = np.nan
print(np.array_equal([1, n], [1, n]), np.array_equal([1, n], [1, n], equal_nan=True))
print(np.array_equal([1, n], [n, 1], equal_nan=True), np.array_equal([n, n], [n, n], True))
print(np.array_equal(np.array([1, 2]), np.array([1, 2]), equal_nan=True))
print(np.array_equal(np.array([[n, 1.0]]), np.array([[n, 1.0]]).T, equal_nan=True))
print(np.array_equal([complex(n, 1)], [complex(1, n)], equal_nan=True), np.array_equal([1j], [1j], equal_nan=True))
print(np.array_equal(np.float64(n), n, equal_nan=True), np.array_equal([1.0, 2.0], [1, 3], equal_nan=True))
print(type(np.array_equal([n], [n], equal_nan=True)).__name__, np.array_equal([], [], equal_nan=True))
a = np.asfortranarray([[1.0, n], [n, 4.0]])
print(np.array_equal(a, a.copy(), equal_nan=True), np.array_equal(a, a, equal_nan=False))
