import numpy as np
a = np.arange(20)
print(np.shares_memory(a[:10], a[10:]), np.shares_memory(a[:11], a[10:]))
print(np.shares_memory(a[::2], a[1::2]))
print(np.shares_memory(a, np.arange(20)), np.shares_memory(a.reshape(4, 5)[:, 0], a[5:6]))
b = a.reshape(4, 5)
print(np.shares_memory(b[0], b[1]), np.shares_memory(b[:, 0], b[:, 1]))
