import numpy as np
b = np.arange(6)
print(np.insert(b, [2, 2], [6, 7]))
print(np.insert(b, slice(2, 4), [7, 8]))
print(np.insert(b, [2, 5], [7.13, False]))
print(np.insert(b, -1, 100))
print(np.insert(b, 6, 100))
print(np.insert(b.astype(float), 0, 2.5))
