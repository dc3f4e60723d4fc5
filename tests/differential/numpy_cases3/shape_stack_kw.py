import numpy as np
a = np.array([1, 2, 3])
b = np.array([4, 5, 6])
print(np.stack([a, b]), np.stack([a, b], axis=1), np.stack([a, b], axis=-1).shape)
print(np.stack((a, b, a)).shape, np.stack([np.float64(1), np.float64(2)]))
