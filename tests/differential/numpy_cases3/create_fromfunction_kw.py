import numpy as np
print(np.fromfunction(lambda i, j: i * 10 + j, (2, 3)))
print(np.fromfunction(lambda i, j: i == j, (3, 3), dtype=int))
print(np.fromfunction(lambda i: i ** 2, (5,), dtype=np.int64))
