import numpy as np
a = np.zeros((2, 3), dtype=np.int8)
a[:] = [1, 2, 3]
a[0] = 2.9
a[1, 1:] = -1.7
print(a)
a[...] = 300
print(a)
b = np.zeros(3)
b[1] = True
b[[0, 2]] = np.array([5, 6], dtype=np.uint8)
print(b)
