import numpy as np
np.bincount([[1, 2]])
