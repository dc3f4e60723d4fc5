import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.average(a, returned=True))
print(np.average(a, axis=0, returned=True))
print(np.average(a, axis=1, weights=[1, 2, 3], returned=True))
print(np.average([1, 2], weights=[3, 1], returned=True))
