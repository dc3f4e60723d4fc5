import numpy as np
np.power(np.array([2, 3]), np.array([1, -1]))
