import numpy as np
arr = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
print(np.delete(arr, 1, 0))
print(np.delete(arr, slice(None, None, 2), 1))
print(np.delete(arr, [1, 3, 5], None))
print(np.delete(arr, -1, axis=1))
