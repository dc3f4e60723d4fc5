import numpy as np
a = np.arange(12).reshape(3, 4)
print(a[[0, 2]], a[[0, 2], [1, 3]], a[:, [3, 0]], a[[[0], [2]], [1, 2]])
a[[0, 1], [0, 1]] = 100
print(a)
a[:, [1, 1]] += 5
print(a)
a[np.array([2, -1])] = 7
print(a)
