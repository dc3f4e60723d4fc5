import numpy as np
a = np.arange(4, dtype=np.int64)
b = a.astype(np.int64)
print(np.shares_memory(a, b), b is a)
d = a.astype(np.float64)
print(np.shares_memory(a, d), d)
