import numpy as np
a = np.fromfunction(lambda i, j: i / (j + 1), (3, 3))
print(a)
print(a.dtype)
