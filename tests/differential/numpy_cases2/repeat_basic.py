import numpy as np
print(np.repeat(3, 4))
x = np.array([[1, 2], [3, 4]])
print(np.repeat(x, 2))
print(np.repeat(x, 3, axis=1))
print(np.repeat(x, [1, 2], axis=0))
print(x.repeat(2, axis=0))
print(np.repeat([1.5, 2], [0, 3]))
