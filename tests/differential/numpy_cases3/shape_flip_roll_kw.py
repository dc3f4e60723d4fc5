import numpy as np
a = np.arange(6).reshape(2, 3)
print(np.flip(a), np.flip(a, axis=1), np.flip(a, (0, 1)))
print(np.roll(a, 1), np.roll(a, -1, axis=1), np.roll(a, (1, 1), axis=(0, 1)))
print(np.roll(np.arange(5), 7), np.roll(np.array([]), 2))
