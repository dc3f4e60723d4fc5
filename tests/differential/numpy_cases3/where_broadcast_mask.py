import numpy as np
a = np.arange(6).reshape(2, 3)
o = np.zeros((2, 3), dtype=np.int64)
np.add(a, 100, out=o, where=np.array([True, False, True]))
print(o)
o2 = np.zeros((2, 3))
np.multiply(a, 2.5, out=o2, where=np.array([[True], [False]]))
print(o2)
