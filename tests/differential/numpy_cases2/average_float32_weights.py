import numpy as np
a = np.array([1, 2, 3], dtype=np.float32)
r = np.average(a, weights=np.array([1, 1, 2], dtype=np.float32))
print(repr(r))
print(repr(np.average(a, weights=[1, 1, 2])))
