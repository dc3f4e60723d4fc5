import numpy as np
a = np.array([1.0, 2.0, np.nan])
b = np.array([1.0 + 1e-9, 2.1, np.nan])
print(np.allclose(a, b), np.allclose(a, b, equal_nan=True), np.allclose(a[:1], b[:1]))
print(np.isclose(a, b), np.isclose(a, b, equal_nan=True), np.isclose(a, b, rtol=0.1, equal_nan=True))
print(np.isclose(1.0, 1.001, atol=1e-2), np.allclose([1, 2], [1, 2.00001], rtol=0, atol=1e-3))
