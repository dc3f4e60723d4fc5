import numpy as np
a = np.array([[1.0, 2.5, 3], [4, 1, 0.5], [2, 2, 9], [0, 1, 1]])
print(np.cov(a, rowvar=False))
print(np.cov([1, 2, 3], [3, 1, 7]))
print(np.cov(a[:, 0], a[:, 1]))
