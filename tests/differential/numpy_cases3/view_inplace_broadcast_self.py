import numpy as np
a = np.arange(6.0).reshape(2, 3)
a += a[0]
print(a)
b = np.arange(5)
b[1:] += b[:-1]
print(b)
c = np.arange(5)
c[:-1] = c[1:]
print(c)
