import numpy as np
x = np.arange(8.0)
print(np.array_split(x, 3))
print(np.array_split(np.arange(7), 5))
print(np.array_split(np.arange(3), 5))
print(np.array_split(np.arange(12).reshape(3, 4), 2, axis=1))
