import numpy as np
a = np.array([[1, 2], [3, 4]])
print(np.tile(a, 2), np.tile(a, (2, 1)), np.tile(np.array([5]), (2, 2, 2)).shape)
print(np.repeat(a, 2), np.repeat(a, 2, axis=0), np.repeat(a, [1, 3], axis=1))
print(a.repeat(3, axis=1).shape, np.repeat(7, 3), np.tile([1, 2], 0))
