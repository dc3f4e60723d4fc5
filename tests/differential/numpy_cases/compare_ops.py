import numpy as np
a = np.array([1, 5, 3])
b = np.array([2, 5, 1])
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(a > 2, 2 < a, a == 5.0, np.array([1.5, np.nan]) == np.nan, np.array([np.nan]) != np.nan)
print(repr(a == b), (a == b).dtype)
print(np.array([1, 2]) == np.array([[1], [2]]))
print(np.equal(a, b), np.less(a, 3), np.greater_equal(a, b))
