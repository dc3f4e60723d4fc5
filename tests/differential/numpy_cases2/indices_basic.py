import numpy as np
print(np.indices((2, 3)))
print(np.indices((3,)).shape, np.indices((2, 2), dtype=float).dtype)
