import numpy as np
a = np.array([1, 2])
b = np.array([3, 4])
print(np.vstack([a, b]), np.hstack([a, b]), np.dstack([a, b]))
m = np.ones((2, 2))
print(np.vstack([m, a]).shape, np.hstack([m, m]).shape, np.dstack([m, m]).shape)
print(np.column_stack([a, b]), np.column_stack([m, a]).shape)
print(np.hstack([np.float64(1), np.array([2])]), np.vstack([1, 2]).shape)
