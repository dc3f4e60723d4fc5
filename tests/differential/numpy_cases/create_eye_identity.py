import numpy as np
print(np.eye(3))
print(repr(np.eye(2, 3)))
print(repr(np.eye(3, k=1)))
print(repr(np.eye(3, dtype=int)))
print(repr(np.identity(4)))
print(np.identity(2, dtype=bool))
