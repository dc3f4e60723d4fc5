import numpy as np
a = np.array([[1, 1], [2, 2], [3, 3]])
print(np.insert(a, 1, 5))
print(np.insert(a, 1, 5, axis=1))
print(np.insert(a, [1], [[1], [2], [3]], axis=1))
print(np.insert(a, 1, [1, 2, 3], axis=1))
