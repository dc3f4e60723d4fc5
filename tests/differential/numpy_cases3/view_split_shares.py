import numpy as np
a = np.arange(12).reshape(3, 4)
parts = np.split(a, 2, axis=1)
parts[0][0, 0] = -1
print(a[0])
print([np.shares_memory(a, p) for p in parts])
h = np.hsplit(a, 4)
v = np.vsplit(a, 3)
print(np.shares_memory(a, h[2]), np.shares_memory(a, v[1]))
