import numpy as np
a = np.arange(6).reshape(2, 3)
print(a.flags)
b = np.arange(6)
print(b.flags)
print(a.T.flags)
print(b[::2].flags)
