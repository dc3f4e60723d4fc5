import numpy as np
a = np.arange(8)
m = a[a % 2 == 0]
f = a[[1, 3, 5]]
m[0] = 100
f[0] = 200
print(a, m, f)
print(np.shares_memory(a, m), np.shares_memory(a, f), np.shares_memory(a, a[:]))
