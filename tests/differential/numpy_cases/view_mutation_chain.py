import numpy as np
a = np.arange(16).reshape(4, 4)
row = a[1]
col = a[:, 2]
sub = a[1:3, 1:3]
row[:] = 0
col *= -1
sub += 100
print(a)
t = a.T
t[0] = 7
print(a[:, 0], np.shares_memory(t, a))
r = a.ravel()
r[-1] = 999
print(a[-1], r.base is a)
f = a.flatten()
f[0] = -1
print(a[0, 0], f[0])
