import numpy as np
x = np.array([1, 2, 2, 3])
print(np.histogram(x, bins=3, weights=[0.5, 1, 1, 2]))
print(np.histogram(x, bins=2, weights=[1, 2, 3, 4]))
