import numpy as np
print(np.tile(np.array([[0, 1], [1, 0]]), (3, 3)))
print(np.repeat(np.repeat(np.eye(2, dtype=int), 2, axis=0), 2, axis=1))
