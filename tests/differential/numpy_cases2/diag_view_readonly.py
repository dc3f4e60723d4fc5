import numpy as np
a = np.arange(9).reshape(3, 3)
d = np.diag(a)
print(d.flags.writeable, np.shares_memory(a, d))
a[1, 1] = 50
print(d)
