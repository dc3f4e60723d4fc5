import numpy as np
a = np.arange(10)
v = a[2:8:2]
v[:] = -1
print(a, np.shares_memory(a, v))
w = v[::-1]
w[0] = 100
print(a, v, w)
