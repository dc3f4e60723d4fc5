import numpy as np
print(np.fromfunction(lambda i, j: i == j, (3, 3)))
print(np.fromfunction(lambda i, j: i + j, (2, 4), dtype=int))
print(np.fromfunction(lambda i: i ** 2, (5,)))
