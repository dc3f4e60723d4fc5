import numpy as np
np.sum(np.zeros((2, 2)), axis=(0, 0))
