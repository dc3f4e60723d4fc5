import numpy as np
x = np.arange(10)
print(np.roll(x, 2), np.roll(x, -2), np.roll(x, 12))
x2 = x.reshape(2, 5)
print(np.roll(x2, 1))
print(np.roll(x2, 1, axis=0))
print(np.roll(x2, -1, axis=1))
