import numpy as np
a = np.arange(4)
b = np.array(a, copy=False)
c = np.array(a)
d = np.array(a, copy=True)
print(np.shares_memory(a, b), np.shares_memory(a, c), np.shares_memory(a, d))
print(b is a)
e = np.array(a, dtype=np.float64, copy=False)
print(np.shares_memory(a, e), e.dtype)
