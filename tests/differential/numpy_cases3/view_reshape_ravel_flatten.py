import numpy as np
a = np.arange(6)
r = a.reshape(2, 3)
rv = r.ravel()
fl = r.flatten()
print(np.shares_memory(a, r), np.shares_memory(a, rv), np.shares_memory(a, fl))
t = r.T
tr = t.ravel()
print(np.shares_memory(a, tr), tr)
r[0, 0] = 50
print(a[0], rv[0], fl[0])
