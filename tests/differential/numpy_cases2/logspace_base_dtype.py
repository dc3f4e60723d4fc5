import numpy as np
print(np.logspace(0, 4, 5, base=2))
print(repr(np.logspace(0, 3, 4, dtype=int)))
print(repr(np.logspace(0, 1, 3, dtype=np.float32)))
