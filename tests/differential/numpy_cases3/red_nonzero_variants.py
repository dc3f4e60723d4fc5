import numpy as np
a = np.array([[0, 3], [4, 0]])
print(np.nonzero(a))
print(np.nonzero(np.array([0, 1, 0, 2])), a.nonzero())
print(np.nonzero(np.array([False, False])))
r, c = np.nonzero(a > 0)
print(a[r, c])
