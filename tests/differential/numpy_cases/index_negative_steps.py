import numpy as np
a = np.arange(20).reshape(4, 5)
print(a[::-1], a[:, ::-2], a[-1:0:-1, -2::-2], a[::-1][1], a[::-1, ::-1].T)
print(a[3:0:-1].sum(axis=0), a[::-1].strides, a[:, ::-1].ravel())
b = a[::-1, ::-1]
b[0, 0] = -1
print(a[-1, -1])
