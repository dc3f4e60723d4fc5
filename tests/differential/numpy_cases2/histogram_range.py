import numpy as np
x = np.array([0.5, 1.5, 2.5, 3.5, 10, -1])
print(np.histogram(x, bins=4, range=(0, 4)))
print(np.histogram(x, bins=2, range=(0, 10)))
print(np.histogram([5, 5, 5], bins=3))
