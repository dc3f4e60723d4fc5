import numpy as np
np.zeros((2, 2), order='X')
