import numpy as np
a = np.array([0, 1, 2, 0])
b = np.array([0.0, 0.0, 3.5, -1.0])
print(np.logical_and(a, b), np.logical_or(a, b), np.logical_xor(a, b))
print(np.logical_not(a), np.logical_not(b))
print(np.logical_and(True, np.array([True, False])))
print(np.logical_or.__name__ if hasattr(np.logical_or, '__name__') else 'logical_or')
