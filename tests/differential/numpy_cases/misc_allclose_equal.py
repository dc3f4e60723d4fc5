import numpy as np
a = np.array([1.0, 2.0, 3.0])
print(np.allclose(a, a + 1e-9), np.allclose(a, a + 1e-3), np.isclose(a, np.array([1.0, 2.1, 3.0])))
print(np.allclose([np.nan], [np.nan]), np.allclose([np.nan], [np.nan], equal_nan=True))
print(np.array_equal(a, a.copy()), np.array_equal(a, a[:2]), np.array_equal([1, 2], [1, 2]))
print(np.allclose(np.array([1, 2]), np.array([1, 2])), np.isclose(1.0, 1.0 + 1e-10))
print(np.isclose(np.array([np.inf, 1.0]), np.array([np.inf, np.inf])))
