import numpy as np
a = np.array([3, 1, 3, 2, 1, 3])
print(np.unique(a))
u, c = np.unique(a, return_counts=True)
print(u, c)
print(np.unique(np.array([[1, 2], [2, 3]])), np.unique([]), np.unique(np.array([True, False, True])))
print(np.unique(np.array([2.5, -1.0, 2.5])))
