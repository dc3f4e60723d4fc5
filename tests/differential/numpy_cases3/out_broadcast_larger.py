import numpy as np
o = np.zeros((2, 3))
np.add(np.arange(3), 1, out=o)
print(o)
o1 = np.zeros((1, 3))
print(np.sqrt(np.array([1.0, 4.0, 9.0]), out=o1))
