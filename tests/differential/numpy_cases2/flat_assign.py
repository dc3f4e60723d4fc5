import numpy as np
a = np.zeros((2, 3))
a.flat[4] = 7
a.flat[:2] = [1, 2]
print(a)
b = np.arange(6).reshape(2, 3).T
b.flat[1] = 100
print(b)
print(np.arange(4).flat.base)
