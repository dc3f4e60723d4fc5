import numpy as np
a = np.arange(10)
v = a[2:5]
v[0] = 99
print(a)
c = a[2:5].copy()
c[0] = -1
print(a, c)
print(np.shares_memory(a, v), np.shares_memory(a, c))
print(v.base is a, c.base is None, a.base is None)
w = a[::2]
w[:] = 0
print(a)
print(np.shares_memory(a[::2], a[1::2]), np.may_share_memory(a[::2], a[1::2]))
t = a.reshape(2, 5).T
t[0, 1] = 42
print(a)
