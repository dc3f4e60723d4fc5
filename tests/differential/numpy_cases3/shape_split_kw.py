import numpy as np
a = np.arange(10)
print(np.split(a, 5), np.split(a, [2, 5, 8]))
print(np.array_split(a, 3), np.array_split(a, 4))
m = np.arange(12).reshape(3, 4)
print(np.split(m, 2, axis=1), np.array_split(m, 2))
print(np.vsplit(m, [1]), np.hsplit(m, [1, 3]))
