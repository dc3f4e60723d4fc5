import numpy as np
x = np.array([1, 2, 2, 3, 3, 3, 4.5])
print(np.histogram(x, bins=4, density=True))
print(np.histogram(x, bins=[0, 2, 3, 5], density=True))
