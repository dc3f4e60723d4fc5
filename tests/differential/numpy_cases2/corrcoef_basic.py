import numpy as np
print(np.corrcoef([1, 2, 3, 4], [1, 3, 2, 5]))
a = np.array([[1, 2, 3, 5.5], [2, 1, 0, -1], [1, 4, 1, 4]])
print(np.corrcoef(a))
print(np.corrcoef(a, rowvar=False).shape)
print(repr(np.corrcoef([1, 2, 3])))
