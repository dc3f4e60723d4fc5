import numpy as np
a = np.arange(6)
print(np.insert(a, 2, 99), np.insert(a, [1, 3], [-1, -2]), np.insert(a, 6, 5))
m = np.arange(6).reshape(2, 3)
print(np.insert(m, 1, 0, axis=1), np.insert(m, 0, [7, 8, 9], axis=0))
print(np.delete(a, 0), np.delete(a, [1, 3]), np.delete(m, 1, axis=1), np.delete(m, 0, axis=0))
print(np.delete(a, slice(0, 4, 2)), np.insert(a.astype(float), 1, 2.5))
