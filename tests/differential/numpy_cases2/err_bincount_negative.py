import numpy as np
np.bincount([1, -1])
