import numpy as np
a = np.arange(6)
b = a.reshape(2, 3)
b[1, 1] = 40
print(a, b.base is a, np.shares_memory(a, b))
c = a[::2].reshape(3, 1)
c[0, 0] = -9
print(a, np.shares_memory(a, c))
d = np.arange(12).reshape(3, 4)[:, 1:3]
print(d.ravel(), np.shares_memory(d, d.ravel()))
e = np.arange(4)
e2 = e[np.newaxis, :]
e2[0, 0] = 55
print(e, e2.shape)
