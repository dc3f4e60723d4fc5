import numpy as np
a = np.arange(8).reshape(2, 2, 2)
print(np.flip(a))
print(np.flip(a, 0))
print(np.flip(a, axis=(0, 2)))
print(np.flip([1, 2, 3]))
