import numpy as np
a = np.array([1, 2, 3])
print(a == 2.0, a < 2.5, a >= True, a != 1, 2 == a, 1.5 > a)
print((a > 1) == (a < 3), (a > 1) != True)
print(np.array([1.0, np.nan]) < 2, np.array([np.inf]) > 1e308)
print(a == np.array([1, 2, 4]), np.array_equal(a, [1, 2, 3]), (a == a).all())
print(np.array(['x']) if False else np.array([0.1 + 0.2]) == 0.3, np.isclose(0.1 + 0.2, 0.3))
