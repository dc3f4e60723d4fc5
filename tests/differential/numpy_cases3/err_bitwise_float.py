import numpy as np
np.bitwise_or(np.array([1.0]), 2)
