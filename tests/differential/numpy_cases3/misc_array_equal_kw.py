import numpy as np
a = np.array([1.0, np.nan])
print(np.array_equal(a, a), np.array_equal(a[:1], a[:1]))
print(np.array_equal([1, 2], [1, 2]), np.array_equal([1, 2], [1, 2, 3]), np.array_equal(np.ones((2, 1)), np.ones(2)))
print(np.array_equal(np.array([1, 2], dtype=np.int8), np.array([1.0, 2.0])))
