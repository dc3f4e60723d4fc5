import numpy as np
a = np.array([[1, 2], [3, 4]])
print(np.resize(a, (3, 3)), np.resize(a, 6), np.resize(a, (0,)))
print(np.append(a, [5, 6]), np.append(a, [[5, 6]], axis=0), np.append(a, [[7], [8]], axis=1))
print(np.append([1.5], 2), np.append(np.array([], dtype=np.int8), np.array([1], dtype=np.int8)))
