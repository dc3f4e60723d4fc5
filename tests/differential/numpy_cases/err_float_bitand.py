import numpy as np
a = np.array([1.5, 2.5])
print(a)
print(a & 1)
