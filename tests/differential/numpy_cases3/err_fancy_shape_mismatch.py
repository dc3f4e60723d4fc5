import numpy as np
np.zeros((3, 3))[[0, 1], [0, 1, 2]]
