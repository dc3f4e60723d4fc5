import numpy as np
x = np.arange(12).reshape(3, 4)
print(np.roll(x, (1, 2), axis=(0, 1)))
print(np.roll(x, 1, axis=(0, 1)))
print(np.roll(x, (2, -1), axis=(1, 1)))
print(np.roll(np.array([]), 3))
