import numpy as np
votes = np.array([2, 0, 1, 2, 2, 3, 1, 0, 2])
c = np.bincount(votes)
print(c, c.argmax(), np.searchsorted(np.cumsum(c), 5))
print(np.repeat(np.arange(len(c)), c))
