import numpy as np
u = np.array([0, 200, 255], dtype=np.uint8)
print(u > -1, u == 256, u < 1000, u != -5)
i = np.array([1, 2], dtype=np.int8)
print(i == 1.0, i < 1.5, i > 200)
