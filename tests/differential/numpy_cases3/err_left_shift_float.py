import numpy as np
np.left_shift(np.array([1.5]), 1)
