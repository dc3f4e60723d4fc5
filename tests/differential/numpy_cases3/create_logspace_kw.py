import numpy as np
print(np.logspace(0, 3, 4))
print(np.logspace(0, 2, 3, base=2.0))
print(np.logspace(1, 2, 3, endpoint=False))
print(np.logspace(0, 1, 3, dtype=np.float32))
