import numpy as np
print(np.diag([1, 2, 3]))
print(np.diag([1.5, 2], k=1))
print(repr(np.diag([1, 2], -2)))
print(np.diag(np.array([True, False])))
