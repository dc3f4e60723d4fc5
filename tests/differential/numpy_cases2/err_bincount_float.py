import numpy as np
np.bincount(np.array([1.0, 2.0]))
