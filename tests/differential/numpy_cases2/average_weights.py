import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.average(a, weights=[[1, 2, 3], [4, 5, 6]]))
print(np.average(a, axis=1, weights=[3, 1, 1]))
print(np.average(a, axis=0, weights=[1, 3]))
print(np.average([1, 2, 3], weights=[0.1, 0.2, 0.7]))
