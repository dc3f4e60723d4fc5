import numpy as np
print(np.logspace(0, 3, 4))
print(np.logspace(0, 2, 5))
print(repr(np.logspace(1, 2, 3, endpoint=False)))
