import numpy as np
a = np.arange(12).reshape(3, 4)
print(np.shares_memory(a, a[1]), np.shares_memory(a, a[1:, 2:]), np.shares_memory(a, a.T))
print(np.shares_memory(a, a.copy()), np.shares_memory(a, a[[0, 1]]), np.shares_memory(a, a[a > 3]))
print(np.shares_memory(a, a.reshape(4, 3)), np.shares_memory(a, a.ravel()), np.shares_memory(a, a.flatten()))
print(np.shares_memory(a[0], a[1]), np.shares_memory(a[:, 0], a[:, 1]))
b = a[1:3]
b[0, 0] = -5
print(a[1], a.base is None, b.base is a, a.T.base is a)
print(np.shares_memory(np.asarray(a), a), np.asarray(a) is a, np.array(a) is a)
