import numpy as np
a = np.array([[0, 1], [2, 3]])
print(np.resize(a, (2, 3)))
print(np.resize(a, (1, 4)))
print(np.resize(a, (2, 4)))
print(np.resize([1, 2, 3], 7))
print(repr(np.resize(np.array([], dtype=int), 3)))
