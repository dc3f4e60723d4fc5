import numpy as np
a = np.arange(3)
c = np.concatenate([a, a])
s = np.stack([a, a])
h = np.hstack([a])
print(np.shares_memory(a, c), np.shares_memory(a, s), np.shares_memory(a, h))
c[0] = 9
print(a)
