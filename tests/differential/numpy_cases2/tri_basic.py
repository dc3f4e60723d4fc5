import numpy as np
print(np.tri(3))
print(np.tri(3, 5, 2, dtype=int))
print(np.tri(4, 2, -1))
print(repr(np.tri(2, dtype=bool)))
