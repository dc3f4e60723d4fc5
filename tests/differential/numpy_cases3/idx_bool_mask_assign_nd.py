import numpy as np
a = np.arange(12).reshape(3, 4)
a[a % 3 == 0] = -1
print(a)
a[a < 0] *= 10
print(a)
m = np.array([True, False, True])
print(a[m], a[m, 1], a[:, np.array([True, False, False, True])])
a[m] = 0
print(a)
